// Word lists for the bench's synthetic article: mostly English, with Azerbaijani (ə ş ğ ı ö ü ç),
// Cyrillic and emoji (surrogate pairs), so offsets, NFC and UTF-16 counting are all exercised.

/** Short words that repeat everywhere: quotes made of one of them are deliberately ambiguous. */
export const COMMON = ['the', 'and', 'of', 'to', 'in', 'a', 'is', 'that', 'for', 'on'];

export const ENGLISH = (
  'business circles authorities efforts expanding strengthening ties head export investment ' +
  'promotion foundation official event framework visit representatives media eve parliamentary ' +
  'elections years events forums meetings sectors interest correspondent major cooperation ' +
  'industry agriculture food traditional supplier processed products market countries actively ' +
  'tourism infrastructure growing economy potential mutual creation joint tourist routes ' +
  'projects education field development region energy pipeline gas oil transit corridor trade ' +
  'agreement minister talks delegation capital harbour railway bridge policy reform budget ' +
  'analysts report survey growth decline summit treaty border river mountain village city ' +
  'council committee citizens workers farmers students teachers doctors engineers researchers ' +
  'archive library museum theatre festival season winter summer spring autumn morning evening ' +
  'quickly slowly carefully openly quietly recently finally nearly already often rarely ' +
  'important difficult significant regional national international local modern ancient ' +
  'said announced noted added stressed confirmed denied expected planned signed opened closed ' +
  'with from by at as it was were will would has have had not but or this which their its'
).split(' ');

export const AZERBAIJANI = (
  'Azərbaycan Bakı şəhər ölkə hökumət iqtisadiyyat böyük gənc xəbər müəllim ağac çörək gözəl ' +
  'dəniz üçün və bu ilə dağ qız göz üzüm çay işçi məqalə şirkət əməkdaşlıq görüş ticarət ' +
  'sərgi ictimaiyyət müstəqil tələbə yığıncaq düşüncə çıxış ölçü şüşə qış yağış küçə ' +
  'İlham Gəncə Şəki Lənkəran Sumqayıt Naxçıvan'
).split(' ');

export const CYRILLIC = (
  'Россия Азербайджан газ нефть переговоры соглашение министр экономика в и на сотрудничество ' +
  'делегация форум Москва Баку торговля инвестиции'
).split(' ');

/** Include multi-unit sequences (ZWJ, flags, keycaps) so no span may split them. */
export const EMOJI = ['🙂', '🚀', '📈', '🌍', '🔥', '👩‍🔬', '🇦🇿', '✅', '1️⃣', '🤝'];

export const TAG_NAMES = [
  'economy',
  'energy',
  'diplomacy',
  'tourism',
  'agriculture',
  'infrastructure',
  'media',
  'elections',
  'trade',
  'education',
  'culture',
  'iqtisadiyyat',
  'ticarət',
  'сотрудничество',
  'quote',
  'claim',
  'evidence',
  'question',
  'follow-up',
  'contradiction 🔥',
];

export const COMMENTS = [
  '',
  '',
  '',
  'Check against the **official** figures.',
  'Compare with the 2019 report; see also [the summit](https://example.org/summit).',
  'Şəhər üzrə rəqəmlər fərqlidir.',
  'Цитата министра — проверить источник.',
  'Contradicts the paragraph above 🤔',
  'Follow up:\n- who said it\n- when',
];

/** The small articles' attributes (outlet, country): a few values each, in several scripts. */
export const OUTLETS = ['Report.az', 'Caucasus Watch', 'Əks-səda', 'Деловой Баку', 'Daily Digest'];
export const COUNTRIES = ['Azərbaycan', 'Georgia', 'Россия', 'Türkiye', 'Kazakhstan'];
