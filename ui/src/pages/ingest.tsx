/** Ingest: upload files, paste text, or give a URL/feed; files go one by one with a progress bar. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { IngestItemResult, IngestResponse } from '../../../src/server/api-types.js';
import { ApiFailure, postIngest } from '../api.js';
import { Card } from '../common.js';
import { Link, to } from '../router.js';

export function IngestPage(): JSX.Element {
  const [files, setFiles] = useState<File[]>([]);
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<IngestItemResult[]>([]);
  const [error, setError] = useState<string | null>(null);

  const runAll = async (jobs: { label: string; body: FormData | object }[]) => {
    setBusy(true);
    setError(null);
    setProgress({ done: 0, total: jobs.length });
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      try {
        const r = await postIngest<IngestResponse>(job.body);
        setResults((prev) => [...r.results, ...prev]);
      } catch (err) {
        const e = err instanceof ApiFailure ? err : new ApiFailure('E_INTERNAL', String(err), 0);
        setResults((prev) => [{ input: job.label, ok: false, documents: [], error: { code: e.code, message: e.message } }, ...prev]);
      }
      setProgress({ done: i + 1, total: jobs.length });
    }
    setBusy(false);
  };

  return (
    <div class="ingest">
      <h1>Ingest</h1>
      <p class="meta">Add articles: text or HTML files, JSON lines, a web page or RSS/Atom feed URL, or pasted text.</p>
      <div class="grid2">
        <Card title="Upload files">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void runAll(
                files.map((f) => {
                  const form = new FormData();
                  form.append('file', f, f.name);
                  return { label: f.name, body: form };
                }),
              );
            }}
          >
            <input type="file" multiple name="file" aria-label="Files" onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} />
            <button type="submit" disabled={busy || files.length === 0}>
              Upload {files.length > 0 ? `${files.length} file${files.length === 1 ? '' : 's'}` : ''}
            </button>
          </form>
        </Card>
        <Card title="URL or feed">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (url.trim()) void runAll([{ label: url.trim(), body: { url: url.trim() } }]);
            }}
          >
            <input type="url" name="url" placeholder="https://…" value={url} onInput={(e) => setUrl(e.currentTarget.value)} aria-label="URL" />
            <button type="submit" disabled={busy || !url.trim()}>
              Fetch
            </button>
          </form>
        </Card>
      </div>
      <Card title="Paste text">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void runAll([{ label: 'pasted text', body: { text, name: 'pasted.txt' } }]);
          }}
        >
          <textarea name="text" rows={8} placeholder="Paste an article…" value={text} onInput={(e) => setText(e.currentTarget.value)} aria-label="Article text" />
          <button type="submit" disabled={busy || !text.trim()}>
            Analyze and add
          </button>
        </form>
      </Card>
      {progress && (
        <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
          <span class="fill" style={{ width: `${(progress.done / Math.max(1, progress.total)) * 100}%` }} />
          <span class="label">
            {progress.done} of {progress.total} done
          </span>
        </div>
      )}
      {error && <p class="error">{error}</p>}
      {results.length > 0 && (
        <Card title="Results" id="ingest-results">
          <ul class="list">
            {results.map((r, i) => (
              <li key={i} class={r.ok ? 'ok' : 'failed'}>
                <strong>{r.input}</strong>{' '}
                {r.ok ? (
                  r.documents.map((d) => (
                    <Link key={d} href={to.doc(d)} class="doc-link">
                      {d}
                    </Link>
                  ))
                ) : (
                  <span class="error">
                    {r.error?.code}: {r.error?.message}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
