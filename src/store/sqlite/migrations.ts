/** Numbered schema migrations for SQLite. Append new ones; never edit an applied migration. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, layers, corpus tables, full-text indexes',
    sql: `
CREATE TABLE documents (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  path TEXT, url TEXT, outlet TEXT, title TEXT, published TEXT, pub_date TEXT,
  published_inferred INTEGER NOT NULL DEFAULT 0,
  dateline TEXT, language TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  story TEXT,
  quote_count INTEGER NOT NULL DEFAULT 0,
  claim_count INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_url ON documents(url);
CREATE INDEX documents_outlet_date ON documents(outlet, pub_date);
CREATE INDEX documents_date ON documents(pub_date);
CREATE INDEX documents_story ON documents(story, pub_date);

CREATE TABLE document_versions (
  vid INTEGER PRIMARY KEY,
  url TEXT, doc_id TEXT NOT NULL, content_hash TEXT NOT NULL,
  title TEXT, published TEXT, text TEXT NOT NULL,
  superseded_at TEXT NOT NULL, superseded_by TEXT
);
CREATE INDEX document_versions_url ON document_versions(url);
CREATE INDEX document_versions_hash ON document_versions(content_hash);

CREATE TABLE removed (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL,
  PRIMARY KEY (doc_id, seq)
);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL, name_norm TEXT NOT NULL, type TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]', roles TEXT NOT NULL DEFAULT '[]',
  country TEXT,
  mention_count INTEGER NOT NULL DEFAULT 0,
  quote_count INTEGER NOT NULL DEFAULT 0,
  doc_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_type_count ON entities(type, mention_count DESC);
CREATE INDEX entities_count ON entities(mention_count DESC);
CREATE INDEX entities_name ON entities(name_norm);
CREATE TABLE entity_aliases (
  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias_norm TEXT NOT NULL,
  PRIMARY KEY (alias_norm, entity_id)
);
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

CREATE TABLE mentions (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  start_off INTEGER NOT NULL, end_off INTEGER NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id, start_off);
CREATE INDEX mentions_entity ON mentions(entity_id, doc_id);

CREATE TABLE quotes (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_off INTEGER NOT NULL, end_off INTEGER NOT NULL,
  text TEXT NOT NULL, kind TEXT NOT NULL, speaker TEXT,
  source_start INTEGER, source_end INTEGER, cue TEXT, via TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX quotes_doc ON quotes(doc_id, start_off);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE claims (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_off INTEGER NOT NULL, end_off INTEGER NOT NULL,
  text TEXT NOT NULL, low REAL NOT NULL, high REAL NOT NULL, qualifier TEXT NOT NULL,
  of_text TEXT, unit TEXT, direction TEXT, subject TEXT, place TEXT, claimant TEXT, quote_id TEXT,
  baseline TEXT, background INTEGER NOT NULL DEFAULT 0,
  value_start INTEGER NOT NULL, value_end INTEGER NOT NULL, out_of REAL, claimant_from TEXT
);
CREATE INDEX claims_doc ON claims(doc_id, start_off);
CREATE INDEX claims_claimant ON claims(claimant);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_place ON claims(place);

CREATE TABLE stories (
  id TEXT PRIMARY KEY, label TEXT, published TEXT, doc_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_published ON stories(published);

CREATE TABLE quote_groups (
  id TEXT PRIMARY KEY, speaker TEXT, provenance TEXT NOT NULL DEFAULT '[]', size INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX quote_groups_speaker ON quote_groups(speaker);
CREATE TABLE quote_group_members (
  group_id TEXT NOT NULL REFERENCES quote_groups(id) ON DELETE CASCADE,
  quote_id TEXT NOT NULL, seq INTEGER NOT NULL,
  PRIMARY KEY (group_id, seq)
);
CREATE INDEX quote_group_members_quote ON quote_group_members(quote_id);

CREATE TABLE measures (
  id TEXT PRIMARY KEY, label TEXT NOT NULL, conflict INTEGER NOT NULL DEFAULT 0, explanation TEXT NOT NULL DEFAULT '',
  of_text TEXT, subject TEXT, place TEXT, points TEXT NOT NULL DEFAULT '[]', size INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX measures_conflict ON measures(conflict, size DESC);
CREATE INDEX measures_subject ON measures(subject);
CREATE INDEX measures_place ON measures(place);
CREATE TABLE measure_claims (
  measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
  claim_id TEXT NOT NULL, seq INTEGER NOT NULL,
  PRIMARY KEY (measure_id, seq)
);
CREATE INDEX measure_claims_claim ON measure_claims(claim_id);

CREATE TABLE cx_records (
  kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE TABLE cx_postings (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL
);
CREATE INDEX cx_postings_key ON cx_postings(kind, key, seq DESC);
CREATE INDEX cx_postings_id ON cx_postings(kind, id);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='rid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text) VALUES (new.rid, new.text);
END;
CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rid, old.text);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts(rowid, text) VALUES (new.rid, new.text);
END;
CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rid, old.text);
END;
`,
  },
  {
    version: 2,
    name: 'full-text rank: bm25 with document titles weighted 4x',
    sql: `INSERT INTO documents_fts(documents_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');`,
  },
  {
    version: 3,
    name: 'corpus document frequencies of story terms (cx_term_df; term "" counts documents)',
    sql: `CREATE TABLE cx_term_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;`,
  },
  {
    version: 4,
    name: 'the analyzer version that wrote each document (documents.analyzer; null before it was recorded)',
    sql: `ALTER TABLE documents ADD COLUMN analyzer TEXT;`,
  },
];
