// Anchoring: describe a passage when it is annotated, and find it again in a new revision.
export { QUOTE_CONTEXT, describePassage } from './selectors';
export { reanchor, type AnchorInput, type AnchorResult } from './reanchor';
