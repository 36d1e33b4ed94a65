import { defineComponent } from '../../pipeline/component.js';
import { extractHtml } from './html.js';

/**
 * HTML records -> main text (one paragraph per line) and `doc.meta.hints`; text records pass through.
 * @example createRegistry().get('extract').create().run(doc) // doc.rawText set
 */
export const extract = defineComponent({
  name: 'extract',
  requires: ['source'],
  assigns: ['raw'],
  summary: 'Extract the main text and metadata hints from HTML (Readability over linkedom, with a body-text fallback); text passes through.',
  create: () => (doc) => {
    const { html, text } = doc.source;
    if (html) {
      const out = extractHtml(html);
      doc.rawText = out.text;
      doc.meta.hints = out.hints;
    } else {
      doc.rawText = (text ?? '').replace(/\r\n?/g, '\n');
    }
  },
});
