// Article attributes as QDA-XML variables: one Text variable per attribute name, and per article
// with attributes one Case holding its values and pointing at its source.
//
// The case has no name and one SourceRef: that is how MAXQDA and Quirkos write document
// variables, and how QualCoder reads values that belong to a file rather than to a case. (The
// schema would also take VariableValues inside the source; tools that read both would then get
// each value twice, so we write one place only.)
import { attributeKeyOf } from '../../shared/model';
import type { ExportedArticle } from '../export/types';
import { guids } from './guid';
import { element, textElement, type XmlElement } from './xml';

/** Keys in a fixed order whatever the locale (code unit order), so the bytes stay the same. */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The articles' attributes by key: the name as first written, and each article's values. */
function gather(articles: readonly ExportedArticle[]) {
  const names = new Map<string, string>();
  const values = articles.map((article) => {
    const own = new Map<string, string>();
    for (const [name, value] of Object.entries(article.attributes)) {
      const key = attributeKeyOf(name);
      if (!names.has(key)) names.set(key, name.trim());
      own.set(key, value);
    }
    return { article, own };
  });
  return { names, values };
}

export function variablesAndCases(articles: readonly ExportedArticle[]): {
  variables?: XmlElement;
  cases?: XmlElement;
} {
  const { names, values } = gather(articles);
  if (names.size === 0) return {};
  const keys = [...names.keys()].sort(byKey);
  const variables = element(
    'Variables',
    {},
    keys.map((key) =>
      element('Variable', {
        guid: guids.variable(key),
        name: names.get(key)!,
        typeOfVariable: 'Text',
      }),
    ),
  );
  const cases = element(
    'Cases',
    {},
    values
      .filter(({ own }) => own.size > 0)
      .map(({ article, own }) =>
        element('Case', { guid: guids.case(article.id) }, [
          ...[...own.keys()]
            .sort(byKey)
            .map((key) =>
              element('VariableValue', {}, [
                element('VariableRef', { targetGUID: guids.variable(key) }),
                textElement('TextValue', own.get(key)!),
              ]),
            ),
          element('SourceRef', { targetGUID: guids.source(article.id) }),
        ]),
      ),
  );
  return { variables, cases };
}
