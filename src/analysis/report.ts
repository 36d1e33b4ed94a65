/** The readable report `crosscheck analyze` prints by default. Plain text, one section per document. */
import type { Analysis } from './types.js';
import { formatFigure } from './figure.js';

function clip(s: string, max = 110): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/**
 * Render an analysis as a readable plain-text report.
 * @example process.stdout.write(formatReport(await analyzeInputs(['a.txt'], opts)))
 */
export function formatReport(a: Analysis): string {
  const out: string[] = [];
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  const who = (id: string | null) => (id ? (name.get(id) ?? id) : 'unknown');
  for (const d of a.documents) {
    out.push(`== ${d.path ?? d.url ?? d.id}  [${d.id}]`);
    out.push(`Title:      ${d.title ?? '(none)'}`);
    out.push(
      `Outlet:     ${d.outlet ?? 'unknown'}    Published: ${d.published ?? 'unknown'}${d.publishedInferred ? ' (inferred)' : ''}    Dateline: ${d.dateline ?? 'none'}`,
    );
    if (d.removed.length) {
      out.push(`Removed:    ${d.removed.length} line(s) of page cruft`);
      for (const r of d.removed) out.push(`  - ${r.reason.padEnd(17)} ${clip(r.text, 90)}`);
    }
    const docEntityIds = new Set(a.mentions.filter((m) => m.doc === d.id).map((m) => m.entity));
    const ents = a.entities.filter((e) => docEntityIds.has(e.id));
    out.push(`Entities (${ents.length}):`);
    for (const e of ents) {
      const roles = e.roles.map((r) => (r.organization ? `${r.title}, ${r.organization}` : r.title)).join('; ');
      const aliases = e.aliases.length ? ` (also ${e.aliases.join(', ')})` : '';
      out.push(`  ${e.type.padEnd(12)} ${e.name}${aliases}${roles ? ' — ' + roles : ''}`);
    }
    const quotes = a.quotes.filter((q) => q.doc === d.id);
    out.push(`Quotes (${quotes.length}):`);
    for (const q of quotes) {
      const via = q.via.length ? ` via ${q.via.map(who).join(', ')}` : '';
      out.push(`  [${q.kind}] ${who(q.speaker)} ${q.cue ?? ''}${via}: “${clip(q.text)}”`);
    }
    const claims = a.claims.filter((c) => c.doc === d.id);
    out.push(`Claims (${claims.length}):`);
    for (const c of claims) {
      const parts = [
        c.of ? `of ${c.of}` : null,
        c.subject ? `subject ${c.subject}` : null,
        c.place ? `in ${c.place}` : null,
        `claimant ${who(c.claimant)}${c.claimantFrom ? ` (${c.claimantFrom})` : ''}`,
        c.baseline ? `baseline ${c.baseline.text}` : null,
        c.background ? 'background' : null,
      ].filter(Boolean);
      out.push(`  ${formatFigure(c).padEnd(22)} ${parts.join('; ')}`);
    }
    out.push('');
  }
  if (a.documents.length > 1) {
    out.push('== Across documents');
    out.push(`Stories (${a.stories.length}):`);
    for (const s of a.stories) out.push(`  ${s.id}: ${s.documents.length} document(s)${s.label ? ' — ' + clip(s.label, 80) : ''}`);
    const multi = a.quoteGroups.filter((g) => g.quotes.length > 1);
    out.push(`Quote groups across outlets (${multi.length}):`);
    const quoteById = new Map(a.quotes.map((q) => [q.id, q]));
    for (const g of multi) {
      out.push(`  ${g.id} (${g.quotes.length} versions)`);
      for (const qid of g.quotes) {
        const q = quoteById.get(qid);
        const doc = a.documents.find((x) => x.id === q?.doc);
        if (q) out.push(`    ${(doc?.outlet ?? doc?.id ?? '').padEnd(14)} “${clip(q.text, 90)}”`);
      }
    }
    out.push(`Measures (${a.measures.length}):`);
    const claimById = new Map(a.claims.map((c) => [c.id, c]));
    for (const m of a.measures) {
      out.push(`  ${m.label}${m.conflict ? '  ⚠ CONFLICT' : ''}`);
      for (const cid of m.claims) {
        const c = claimById.get(cid);
        const doc = a.documents.find((x) => x.id === c?.doc);
        if (c) out.push(`    ${formatFigure(c).padEnd(22)} ${who(c.claimant)} (${doc?.outlet ?? '?'}, ${doc?.published ?? 'date unknown'})`);
      }
      if (m.explanation) out.push(`    ${clip(m.explanation, 140)}`);
    }
    out.push('');
  }
  if (a.errors.length) {
    out.push(`Errors (${a.errors.length}):`);
    for (const e of a.errors) out.push(`  ${e.input}: [${e.code}] ${e.message}`);
  }
  return out.join('\n') + '\n';
}
