import type { Command } from '../command.js';

/** `crosscheck serve`: the JSON API and the web UI over a database. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the web explorer and JSON API over a database (127.0.0.1 by default).',
  usage: 'serve [--db FILE] [--host ADDR] [--port N] [--token SECRET]',
  description: `
Starts the explorer: overview, search, documents with highlighted quotes and figures, entities,
stories with provenance, measures with every claimant's figure, a map, and ingest. The JSON API is
under /api (described by /api/openapi.json). Builds the web UI first when ui/dist is missing.

Binds to 127.0.0.1 unless --host says otherwise. A non-loopback address needs --token: the API then
requires 'Authorization: Bearer SECRET', and the printed URL carries the token for the browser.`,
  examples: ['crosscheck serve --db news.db', 'crosscheck serve --port 0', 'crosscheck serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"'],
  options: {},
  settings: ['db', 'host', 'port', 'token', 'maxInputBytes', 'queryTimeoutMs', 'fetchTimeoutMs', 'fetchMaxBytes', 'fetchMaxRedirects', 'allowPrivate'],
  async run({ settings, io }) {
    const { checkBind, ensureUiBuilt, startServer } = await import('../../server/start.js');
    checkBind(settings.host, settings.token);
    const uiDir = ensureUiBuilt((m) => io.stderr.write(m));
    const { openStore } = await import('../../store/open.js');
    const store = await openStore(settings.db, { queryTimeoutMs: settings.queryTimeoutMs });
    let server;
    try {
      server = await startServer(store, { host: settings.host, port: settings.port, token: settings.token, uiDir, settings, log: (m) => io.stderr.write(m + '\n') });
    } catch (err) {
      await store.close();
      throw err;
    }
    io.stdout.write(`Crosscheck is serving ${settings.db}\nOpen ${server.url}${settings.token ? `#token=${encodeURIComponent(settings.token)}` : ''}\nAPI: ${server.url}api/openapi.json — press Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    await store.close();
    return 0;
  },
};
