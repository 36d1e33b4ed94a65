import { defineComponent } from '../../pipeline/component.js';
import { findParagraphs, tokenizeText } from './tokenize.js';

/** Paragraphs, sentences and tokens (flat typed arrays) over the clean text. */
export const sentences = defineComponent({
  name: 'sentences',
  requires: ['text'],
  assigns: ['paragraphs', 'sentences', 'tokens'],
  summary: 'Split the clean text into paragraphs, sentences and tokens (typed arrays).',
  create: () => (doc) => {
    doc.paragraphs = findParagraphs(doc.text);
    const { tokens, sentences } = tokenizeText(doc.text, doc.paragraphs);
    doc.tokens = tokens;
    doc.sentences = sentences;
  },
});
