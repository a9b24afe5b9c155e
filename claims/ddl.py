"""The DDL of every migration, frozen as it ran when the migration was written.

One dict per database, one list of statements per part of a migration (``claims.migrations``
says which migration runs which part, and when a part is skipped). The statements are the
ones peewee 4.5 emitted for the models as they were when each migration was written (table
creation, ``playhouse.migrate`` column changes, SQLite's copy of a table to change a column's
nullability), plus the hand-written search indexes. They are never regenerated from the
current models: a fresh database and an upgraded one run the same statements.

Never edit a list that a released migration runs; change the schema with a new migration.
"""

SQLITE = {
    "schema_migration": [
        (
            'CREATE TABLE IF NOT EXISTS "schema_migration" ("version" INTEGER NOT NULL '
            'PRIMARY KEY, "applied_at" DATETIME NOT NULL)'
        ),
    ],
    "initial": [
        (
            'CREATE TABLE IF NOT EXISTS "editor" ("id" INTEGER NOT NULL PRIMARY KEY, '
            '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" '
            'INTEGER NOT NULL, "name" VARCHAR(100) NOT NULL, "role" VARCHAR(10) NOT NULL, '
            '"token_hash" VARCHAR(64), "active" INTEGER NOT NULL)'
        ),
        'CREATE UNIQUE INDEX IF NOT EXISTS "editor_name" ON "editor" ("name")',
        ('CREATE UNIQUE INDEX IF NOT EXISTS "editor_token_hash" ON "editor" ("token_hash")'),
        (
            'CREATE TABLE IF NOT EXISTS "change" ("seq" INTEGER NOT NULL PRIMARY KEY, '
            '"resource" VARCHAR(20) NOT NULL, "resource_id" INTEGER NOT NULL, "version" '
            'INTEGER NOT NULL, "action" VARCHAR(10) NOT NULL, "editor_id" INTEGER, "at" '
            'DATETIME NOT NULL, "changes" TEXT NOT NULL, FOREIGN KEY ("editor_id") '
            'REFERENCES "editor" ("id") ON DELETE RESTRICT)'
        ),
        'CREATE INDEX IF NOT EXISTS "change_editor_id" ON "change" ("editor_id")',
        (
            'CREATE INDEX IF NOT EXISTS "change_resource_resource_id_seq" ON "change" '
            '("resource", "resource_id", "seq")'
        ),
        (
            'CREATE TABLE IF NOT EXISTS "speaker" ("id" INTEGER NOT NULL PRIMARY KEY, '
            '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" DATETIME, "name" VARCHAR(300) NOT NULL, "kind" '
            'VARCHAR(20) NOT NULL, "description" TEXT, "affiliation" VARCHAR(300), '
            '"aliases" TEXT NOT NULL, "wikidata_id" VARCHAR(20), "search_names" TEXT NOT '
            'NULL, "merged_into_id" INTEGER, FOREIGN KEY ("merged_into_id") REFERENCES '
            '"speaker" ("id") ON DELETE RESTRICT)'
        ),
        ('CREATE UNIQUE INDEX IF NOT EXISTS "speaker_wikidata_id" ON "speaker" ("wikidata_id")'),
        ('CREATE INDEX IF NOT EXISTS "speaker_merged_into_id" ON "speaker" ("merged_into_id")'),
        (
            'CREATE TABLE IF NOT EXISTS "source" ("id" INTEGER NOT NULL PRIMARY KEY, '
            '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" DATETIME, "kind" VARCHAR(20) NOT NULL, "title" '
            'VARCHAR(500) NOT NULL, "publisher" VARCHAR(200), "url" VARCHAR(2000), '
            '"section" VARCHAR(200), "authors" TEXT NOT NULL, "published_at" VARCHAR(40), '
            '"language" VARCHAR(35) NOT NULL, "text" TEXT, "text_sha256" VARCHAR(64))'
        ),
        'CREATE INDEX IF NOT EXISTS "source_publisher" ON "source" ("publisher")',
        'CREATE UNIQUE INDEX IF NOT EXISTS "source_url" ON "source" ("url")',
        (
            'CREATE TABLE IF NOT EXISTS "claim" ("id" INTEGER NOT NULL PRIMARY KEY, '
            '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" DATETIME, "speaker_id" INTEGER NOT NULL, '
            '"source_id" INTEGER NOT NULL, "kind" VARCHAR(20) NOT NULL, "text" TEXT NOT '
            'NULL, "speaker_name_as_written" VARCHAR(300), "speaker_role" VARCHAR(300), '
            '"cue" VARCHAR(100), "said_on" DATE, "tags" TEXT NOT NULL, "anchor_start" '
            'INTEGER, "anchor_end" INTEGER, "anchor_exact" TEXT, "anchor_prefix" '
            'VARCHAR(200), "anchor_suffix" VARCHAR(200), "anchor_given" INTEGER NOT NULL, '
            '"quote_status" VARCHAR(20) NOT NULL, "quote_differences" TEXT, FOREIGN KEY '
            '("speaker_id") REFERENCES "speaker" ("id") ON DELETE RESTRICT, FOREIGN KEY '
            '("source_id") REFERENCES "source" ("id") ON DELETE RESTRICT)'
        ),
        'CREATE INDEX IF NOT EXISTS "claim_speaker_id" ON "claim" ("speaker_id")',
        'CREATE INDEX IF NOT EXISTS "claim_source_id" ON "claim" ("source_id")',
        ('CREATE INDEX IF NOT EXISTS "claim_speaker_id_id" ON "claim" ("speaker_id", "id")'),
        'CREATE INDEX IF NOT EXISTS "claim_source_id_id" ON "claim" ("source_id", "id")',
        ('CREATE INDEX IF NOT EXISTS "claim_quote_status_id" ON "claim" ("quote_status", "id")'),
        'CREATE INDEX IF NOT EXISTS "claim_kind_id" ON "claim" ("kind", "id")',
        'CREATE INDEX IF NOT EXISTS "claim_said_on_id" ON "claim" ("said_on", "id")',
        (
            'CREATE TABLE IF NOT EXISTS "claim_tag" ("claim_id" INTEGER NOT NULL, "tag" '
            'VARCHAR(100) NOT NULL, FOREIGN KEY ("claim_id") REFERENCES "claim" ("id") ON '
            "DELETE CASCADE)"
        ),
        'CREATE INDEX IF NOT EXISTS "claim_tag_claim_id" ON "claim_tag" ("claim_id")',
        (
            'CREATE UNIQUE INDEX IF NOT EXISTS "claim_tag_tag_claim_id" ON "claim_tag" '
            '("tag", "claim_id")'
        ),
    ],
    "claim_search": [
        (
            "CREATE VIRTUAL TABLE claim_search USING fts5(text, content='claim', "
            "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
        ),
        (
            "CREATE TRIGGER claim_search_insert AFTER INSERT ON claim BEGIN INSERT INTO "
            "claim_search(rowid, text) VALUES (new.id, new.text); END"
        ),
        (
            "CREATE TRIGGER claim_search_delete AFTER DELETE ON claim BEGIN INSERT INTO "
            "claim_search(claim_search, rowid, text) VALUES ('delete', old.id, old.text); "
            "END"
        ),
        (
            "CREATE TRIGGER claim_search_update AFTER UPDATE OF text ON claim BEGIN INSERT "
            "INTO claim_search(claim_search, rowid, text) VALUES ('delete', old.id, "
            "old.text); INSERT INTO claim_search(rowid, text) VALUES (new.id, new.text); "
            "END"
        ),
    ],
    "disputes": [
        (
            'CREATE TABLE IF NOT EXISTS "dispute" ("id" INTEGER NOT NULL PRIMARY KEY, '
            '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" DATETIME, "question" VARCHAR(500) NOT NULL, '
            '"description" TEXT, "status" VARCHAR(10) NOT NULL)'
        ),
        'CREATE INDEX IF NOT EXISTS "dispute_status" ON "dispute" ("status")',
        (
            'CREATE TABLE IF NOT EXISTS "position" ("id" INTEGER NOT NULL PRIMARY KEY, '
            '"dispute_id" INTEGER NOT NULL, "claim_id" INTEGER NOT NULL, "stance" '
            'VARCHAR(10) NOT NULL, "note" TEXT, "created_at" DATETIME NOT NULL, '
            '"updated_at" DATETIME NOT NULL, FOREIGN KEY ("dispute_id") REFERENCES '
            '"dispute" ("id") ON DELETE CASCADE, FOREIGN KEY ("claim_id") REFERENCES '
            '"claim" ("id") ON DELETE RESTRICT)'
        ),
        'CREATE INDEX IF NOT EXISTS "position_dispute_id" ON "position" ("dispute_id")',
        'CREATE INDEX IF NOT EXISTS "position_claim_id" ON "position" ("claim_id")',
        (
            'CREATE UNIQUE INDEX IF NOT EXISTS "position_dispute_id_claim_id" ON "position" '
            '("dispute_id", "claim_id")'
        ),
        (
            'CREATE INDEX IF NOT EXISTS "position_claim_id_dispute_id" ON "position" '
            '("claim_id", "dispute_id")'
        ),
        (
            'CREATE TABLE IF NOT EXISTS "relation" ("id" INTEGER NOT NULL PRIMARY KEY, '
            '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" DATETIME, "from_claim_id" INTEGER NOT NULL, '
            '"to_claim_id" INTEGER NOT NULL, "type" VARCHAR(20) NOT NULL, "rationale" TEXT, '
            '"pair_key" VARCHAR(60) NOT NULL, FOREIGN KEY ("from_claim_id") REFERENCES '
            '"claim" ("id") ON DELETE RESTRICT, FOREIGN KEY ("to_claim_id") REFERENCES '
            '"claim" ("id") ON DELETE RESTRICT)'
        ),
        ('CREATE INDEX IF NOT EXISTS "relation_from_claim_id" ON "relation" ("from_claim_id")'),
        ('CREATE INDEX IF NOT EXISTS "relation_to_claim_id" ON "relation" ("to_claim_id")'),
        (
            'CREATE INDEX IF NOT EXISTS "relation_from_claim_id_type" ON "relation" '
            '("from_claim_id", "type")'
        ),
        (
            'CREATE INDEX IF NOT EXISTS "relation_to_claim_id_type" ON "relation" '
            '("to_claim_id", "type")'
        ),
    ],
    "relation_live_pair": [
        ("CREATE UNIQUE INDEX relation_live_pair ON relation (pair_key) WHERE deleted_at IS NULL"),
    ],
    "annotations": [
        (
            'CREATE TABLE IF NOT EXISTS "annotation" ("id" INTEGER NOT NULL PRIMARY KEY, '
            '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" DATETIME, "claim_id" INTEGER NOT NULL, "kind" '
            'VARCHAR(10) NOT NULL, "body" TEXT, "url" VARCHAR(2000), "rating" VARCHAR(20), '
            '"rationale" TEXT, "visibility" VARCHAR(10) NOT NULL, "author_id" INTEGER NOT '
            'NULL, FOREIGN KEY ("claim_id") REFERENCES "claim" ("id") ON DELETE RESTRICT, '
            'FOREIGN KEY ("author_id") REFERENCES "editor" ("id") ON DELETE RESTRICT)'
        ),
        'CREATE INDEX IF NOT EXISTS "annotation_claim_id" ON "annotation" ("claim_id")',
        ('CREATE INDEX IF NOT EXISTS "annotation_author_id" ON "annotation" ("author_id")'),
        (
            'CREATE INDEX IF NOT EXISTS "annotation_claim_id_kind_id" ON "annotation" '
            '("claim_id", "kind", "id")'
        ),
        (
            'CREATE INDEX IF NOT EXISTS "annotation_kind_rating_claim_id" ON "annotation" '
            '("kind", "rating", "claim_id")'
        ),
    ],
    "change_audience": [
        'ALTER TABLE "change" ADD COLUMN "audience" VARCHAR(10)',
        'UPDATE "change" SET "audience" = \'public\'',
        'DROP TABLE IF EXISTS "change__tmp__"',
        (
            'CREATE TABLE "change__tmp__" ("seq" INTEGER NOT NULL PRIMARY KEY, "resource" '
            'VARCHAR(20) NOT NULL, "resource_id" INTEGER NOT NULL, "version" INTEGER NOT '
            'NULL, "action" VARCHAR(10) NOT NULL, "editor_id" INTEGER, "at" DATETIME NOT '
            'NULL, "changes" TEXT NOT NULL, "audience" VARCHAR(10) NOT NULL, FOREIGN KEY '
            '("editor_id") REFERENCES "editor" ("id") ON DELETE RESTRICT)'
        ),
        (
            'INSERT INTO "change__tmp__" ("seq", "resource", "resource_id", "version", '
            '"action", "editor_id", "at", "changes", "audience") SELECT "seq", "resource", '
            '"resource_id", "version", "action", "editor_id", "at", "changes", "audience" '
            'FROM "change"'
        ),
        'DROP TABLE "change"',
        'ALTER TABLE "change__tmp__" RENAME TO "change"',
        'CREATE INDEX "change_editor_id" ON "change" ("editor_id")',
        (
            'CREATE INDEX "change_resource_resource_id_seq" ON "change" ("resource", '
            '"resource_id", "seq")'
        ),
    ],
    "quote_elisions": [
        'ALTER TABLE "claim" ADD COLUMN "quote_elisions" TEXT',
    ],
    "context_warnings": [
        'ALTER TABLE "claim" ADD COLUMN "context_warnings" TEXT',
    ],
    "attribution": [
        'ALTER TABLE "claim" ADD COLUMN "attribution" TEXT',
    ],
    "name_search": [
        (
            "CREATE VIRTUAL TABLE IF NOT EXISTS speaker_name_search USING "
            "fts5(search_names, content='speaker', content_rowid='id', tokenize='unicode61 "
            "remove_diacritics 2')"
        ),
        (
            "CREATE TRIGGER IF NOT EXISTS speaker_name_search_insert AFTER INSERT ON "
            "speaker BEGIN INSERT INTO speaker_name_search(rowid, search_names) VALUES "
            "(new.id, new.search_names); END"
        ),
        (
            "CREATE TRIGGER IF NOT EXISTS speaker_name_search_delete AFTER DELETE ON "
            "speaker BEGIN INSERT INTO speaker_name_search(speaker_name_search, rowid, "
            "search_names) VALUES ('delete', old.id, old.search_names); END"
        ),
        (
            "CREATE TRIGGER IF NOT EXISTS speaker_name_search_update AFTER UPDATE OF "
            "search_names ON speaker BEGIN INSERT INTO "
            "speaker_name_search(speaker_name_search, rowid, search_names) VALUES "
            "('delete', old.id, old.search_names); INSERT INTO speaker_name_search(rowid, "
            "search_names) VALUES (new.id, new.search_names); END"
        ),
        "INSERT INTO speaker_name_search(speaker_name_search) VALUES ('rebuild')",
    ],
    "token_expires_at": [
        'ALTER TABLE "editor" ADD COLUMN "token_expires_at" DATETIME',
    ],
    "change_editor_required": [
        'DROP TABLE IF EXISTS "change__tmp__"',
        (
            'CREATE TABLE "change__tmp__" ("seq" INTEGER NOT NULL PRIMARY KEY, "resource" '
            'VARCHAR(20) NOT NULL, "resource_id" INTEGER NOT NULL, "version" INTEGER NOT '
            'NULL, "action" VARCHAR(10) NOT NULL, "editor_id" INTEGER NOT NULL, "at" '
            'DATETIME NOT NULL, "changes" TEXT NOT NULL, "audience" VARCHAR(10) NOT NULL, '
            'FOREIGN KEY ("editor_id") REFERENCES "editor" ("id") ON DELETE RESTRICT)'
        ),
        (
            'INSERT INTO "change__tmp__" ("seq", "resource", "resource_id", "version", '
            '"action", "editor_id", "at", "changes", "audience") SELECT "seq", "resource", '
            '"resource_id", "version", "action", "editor_id", "at", "changes", "audience" '
            'FROM "change"'
        ),
        'DROP TABLE "change"',
        'ALTER TABLE "change__tmp__" RENAME TO "change"',
        'CREATE INDEX "change_editor_id" ON "change" ("editor_id")',
        (
            'CREATE INDEX "change_resource_resource_id_seq" ON "change" ("resource", '
            '"resource_id", "seq")'
        ),
    ],
    "relevance": [
        (
            'CREATE TABLE IF NOT EXISTS "claim_term" ("term" VARCHAR(64) NOT NULL, "weight" '
            'INTEGER NOT NULL, "claim_id" INTEGER NOT NULL, PRIMARY KEY ("term", "weight", '
            '"claim_id")) WITHOUT ROWID'
        ),
        (
            'CREATE INDEX IF NOT EXISTS "claim_term_term_claim_id_weight" ON "claim_term" '
            '("term", "claim_id", "weight")'
        ),
        (
            'CREATE TABLE IF NOT EXISTS "search_index" ("version" INTEGER NOT NULL PRIMARY '
            'KEY, "claims" INTEGER NOT NULL, "average_length" REAL NOT NULL, "made_at" '
            "DATETIME NOT NULL)"
        ),
        (
            'CREATE TABLE IF NOT EXISTS "search_term" ("version" INTEGER NOT NULL, "term" '
            'VARCHAR(64) NOT NULL, "claims" INTEGER NOT NULL, PRIMARY KEY ("version", '
            '"term")) WITHOUT ROWID'
        ),
    ],
}
POSTGRES = {
    "schema_migration": [
        (
            'CREATE TABLE IF NOT EXISTS "schema_migration" ("version" INTEGER NOT NULL '
            'PRIMARY KEY, "applied_at" TIMESTAMP NOT NULL)'
        ),
    ],
    "initial": [
        (
            'CREATE TABLE IF NOT EXISTS "editor" ("id" SERIAL NOT NULL PRIMARY KEY, '
            '"created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "version" '
            'INTEGER NOT NULL, "name" VARCHAR(100) NOT NULL, "role" VARCHAR(10) NOT NULL, '
            '"token_hash" VARCHAR(64), "active" BOOLEAN NOT NULL)'
        ),
        'CREATE UNIQUE INDEX IF NOT EXISTS "editor_name" ON "editor" ("name")',
        ('CREATE UNIQUE INDEX IF NOT EXISTS "editor_token_hash" ON "editor" ("token_hash")'),
        (
            'CREATE TABLE IF NOT EXISTS "change" ("seq" BIGSERIAL NOT NULL PRIMARY KEY, '
            '"resource" VARCHAR(20) NOT NULL, "resource_id" INTEGER NOT NULL, "version" '
            'INTEGER NOT NULL, "action" VARCHAR(10) NOT NULL, "editor_id" INTEGER, "at" '
            'TIMESTAMP NOT NULL, "changes" JSONB NOT NULL, FOREIGN KEY ("editor_id") '
            'REFERENCES "editor" ("id") ON DELETE RESTRICT)'
        ),
        'CREATE INDEX IF NOT EXISTS "change_editor_id" ON "change" ("editor_id")',
        (
            'CREATE INDEX IF NOT EXISTS "change_resource_resource_id_seq" ON "change" '
            '("resource", "resource_id", "seq")'
        ),
        (
            'CREATE TABLE IF NOT EXISTS "speaker" ("id" SERIAL NOT NULL PRIMARY KEY, '
            '"created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" TIMESTAMP, "name" VARCHAR(300) NOT NULL, "kind" '
            'VARCHAR(20) NOT NULL, "description" TEXT, "affiliation" VARCHAR(300), '
            '"aliases" JSONB NOT NULL, "wikidata_id" VARCHAR(20), "search_names" TEXT NOT '
            'NULL, "merged_into_id" INTEGER, FOREIGN KEY ("merged_into_id") REFERENCES '
            '"speaker" ("id") ON DELETE RESTRICT)'
        ),
        ('CREATE UNIQUE INDEX IF NOT EXISTS "speaker_wikidata_id" ON "speaker" ("wikidata_id")'),
        ('CREATE INDEX IF NOT EXISTS "speaker_merged_into_id" ON "speaker" ("merged_into_id")'),
        (
            'CREATE TABLE IF NOT EXISTS "source" ("id" SERIAL NOT NULL PRIMARY KEY, '
            '"created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" TIMESTAMP, "kind" VARCHAR(20) NOT NULL, "title" '
            'VARCHAR(500) NOT NULL, "publisher" VARCHAR(200), "url" VARCHAR(2000), '
            '"section" VARCHAR(200), "authors" JSONB NOT NULL, "published_at" VARCHAR(40), '
            '"language" VARCHAR(35) NOT NULL, "text" TEXT, "text_sha256" VARCHAR(64))'
        ),
        'CREATE INDEX IF NOT EXISTS "source_publisher" ON "source" ("publisher")',
        'CREATE UNIQUE INDEX IF NOT EXISTS "source_url" ON "source" ("url")',
        (
            'CREATE TABLE IF NOT EXISTS "claim" ("id" SERIAL NOT NULL PRIMARY KEY, '
            '"created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" TIMESTAMP, "speaker_id" INTEGER NOT NULL, '
            '"source_id" INTEGER NOT NULL, "kind" VARCHAR(20) NOT NULL, "text" TEXT NOT '
            'NULL, "speaker_name_as_written" VARCHAR(300), "speaker_role" VARCHAR(300), '
            '"cue" VARCHAR(100), "said_on" DATE, "tags" JSONB NOT NULL, "anchor_start" '
            'INTEGER, "anchor_end" INTEGER, "anchor_exact" TEXT, "anchor_prefix" '
            'VARCHAR(200), "anchor_suffix" VARCHAR(200), "anchor_given" BOOLEAN NOT NULL, '
            '"quote_status" VARCHAR(20) NOT NULL, "quote_differences" JSONB, FOREIGN KEY '
            '("speaker_id") REFERENCES "speaker" ("id") ON DELETE RESTRICT, FOREIGN KEY '
            '("source_id") REFERENCES "source" ("id") ON DELETE RESTRICT)'
        ),
        'CREATE INDEX IF NOT EXISTS "claim_speaker_id" ON "claim" ("speaker_id")',
        'CREATE INDEX IF NOT EXISTS "claim_source_id" ON "claim" ("source_id")',
        ('CREATE INDEX IF NOT EXISTS "claim_speaker_id_id" ON "claim" ("speaker_id", "id")'),
        'CREATE INDEX IF NOT EXISTS "claim_source_id_id" ON "claim" ("source_id", "id")',
        ('CREATE INDEX IF NOT EXISTS "claim_quote_status_id" ON "claim" ("quote_status", "id")'),
        'CREATE INDEX IF NOT EXISTS "claim_kind_id" ON "claim" ("kind", "id")',
        'CREATE INDEX IF NOT EXISTS "claim_said_on_id" ON "claim" ("said_on", "id")',
        (
            'CREATE TABLE IF NOT EXISTS "claim_tag" ("claim_id" INTEGER NOT NULL, "tag" '
            'VARCHAR(100) NOT NULL, FOREIGN KEY ("claim_id") REFERENCES "claim" ("id") ON '
            "DELETE CASCADE)"
        ),
        'CREATE INDEX IF NOT EXISTS "claim_tag_claim_id" ON "claim_tag" ("claim_id")',
        (
            'CREATE UNIQUE INDEX IF NOT EXISTS "claim_tag_tag_claim_id" ON "claim_tag" '
            '("tag", "claim_id")'
        ),
    ],
    "claim_search": [
        (
            "ALTER TABLE claim ADD COLUMN search tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', text)) STORED"
        ),
        "CREATE INDEX claim_search_gin ON claim USING GIN (search)",
    ],
    "disputes": [
        (
            'CREATE TABLE IF NOT EXISTS "dispute" ("id" SERIAL NOT NULL PRIMARY KEY, '
            '"created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" TIMESTAMP, "question" VARCHAR(500) NOT NULL, '
            '"description" TEXT, "status" VARCHAR(10) NOT NULL)'
        ),
        'CREATE INDEX IF NOT EXISTS "dispute_status" ON "dispute" ("status")',
        (
            'CREATE TABLE IF NOT EXISTS "position" ("id" SERIAL NOT NULL PRIMARY KEY, '
            '"dispute_id" INTEGER NOT NULL, "claim_id" INTEGER NOT NULL, "stance" '
            'VARCHAR(10) NOT NULL, "note" TEXT, "created_at" TIMESTAMP NOT NULL, '
            '"updated_at" TIMESTAMP NOT NULL, FOREIGN KEY ("dispute_id") REFERENCES '
            '"dispute" ("id") ON DELETE CASCADE, FOREIGN KEY ("claim_id") REFERENCES '
            '"claim" ("id") ON DELETE RESTRICT)'
        ),
        'CREATE INDEX IF NOT EXISTS "position_dispute_id" ON "position" ("dispute_id")',
        'CREATE INDEX IF NOT EXISTS "position_claim_id" ON "position" ("claim_id")',
        (
            'CREATE UNIQUE INDEX IF NOT EXISTS "position_dispute_id_claim_id" ON "position" '
            '("dispute_id", "claim_id")'
        ),
        (
            'CREATE INDEX IF NOT EXISTS "position_claim_id_dispute_id" ON "position" '
            '("claim_id", "dispute_id")'
        ),
        (
            'CREATE TABLE IF NOT EXISTS "relation" ("id" SERIAL NOT NULL PRIMARY KEY, '
            '"created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" TIMESTAMP, "from_claim_id" INTEGER NOT NULL, '
            '"to_claim_id" INTEGER NOT NULL, "type" VARCHAR(20) NOT NULL, "rationale" TEXT, '
            '"pair_key" VARCHAR(60) NOT NULL, FOREIGN KEY ("from_claim_id") REFERENCES '
            '"claim" ("id") ON DELETE RESTRICT, FOREIGN KEY ("to_claim_id") REFERENCES '
            '"claim" ("id") ON DELETE RESTRICT)'
        ),
        ('CREATE INDEX IF NOT EXISTS "relation_from_claim_id" ON "relation" ("from_claim_id")'),
        ('CREATE INDEX IF NOT EXISTS "relation_to_claim_id" ON "relation" ("to_claim_id")'),
        (
            'CREATE INDEX IF NOT EXISTS "relation_from_claim_id_type" ON "relation" '
            '("from_claim_id", "type")'
        ),
        (
            'CREATE INDEX IF NOT EXISTS "relation_to_claim_id_type" ON "relation" '
            '("to_claim_id", "type")'
        ),
    ],
    "relation_live_pair": [
        ("CREATE UNIQUE INDEX relation_live_pair ON relation (pair_key) WHERE deleted_at IS NULL"),
    ],
    "annotations": [
        (
            'CREATE TABLE IF NOT EXISTS "annotation" ("id" SERIAL NOT NULL PRIMARY KEY, '
            '"created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL, "version" '
            'INTEGER NOT NULL, "deleted_at" TIMESTAMP, "claim_id" INTEGER NOT NULL, "kind" '
            'VARCHAR(10) NOT NULL, "body" TEXT, "url" VARCHAR(2000), "rating" VARCHAR(20), '
            '"rationale" TEXT, "visibility" VARCHAR(10) NOT NULL, "author_id" INTEGER NOT '
            'NULL, FOREIGN KEY ("claim_id") REFERENCES "claim" ("id") ON DELETE RESTRICT, '
            'FOREIGN KEY ("author_id") REFERENCES "editor" ("id") ON DELETE RESTRICT)'
        ),
        'CREATE INDEX IF NOT EXISTS "annotation_claim_id" ON "annotation" ("claim_id")',
        ('CREATE INDEX IF NOT EXISTS "annotation_author_id" ON "annotation" ("author_id")'),
        (
            'CREATE INDEX IF NOT EXISTS "annotation_claim_id_kind_id" ON "annotation" '
            '("claim_id", "kind", "id")'
        ),
        (
            'CREATE INDEX IF NOT EXISTS "annotation_kind_rating_claim_id" ON "annotation" '
            '("kind", "rating", "claim_id")'
        ),
    ],
    "change_audience": [
        'ALTER TABLE "change" ADD COLUMN "audience" VARCHAR(10)',
        'UPDATE "change" SET "audience" = \'public\'',
        'ALTER TABLE "change" ALTER COLUMN "audience" SET NOT NULL',
    ],
    "quote_elisions": [
        'ALTER TABLE "claim" ADD COLUMN "quote_elisions" JSONB',
    ],
    "context_warnings": [
        'ALTER TABLE "claim" ADD COLUMN "context_warnings" JSONB',
    ],
    "attribution": [
        'ALTER TABLE "claim" ADD COLUMN "attribution" JSONB',
    ],
    "name_search": [
        (
            "CREATE INDEX IF NOT EXISTS speaker_name_search ON speaker USING GIN "
            "(to_tsvector('simple', search_names))"
        ),
    ],
    "token_expires_at": [
        'ALTER TABLE "editor" ADD COLUMN "token_expires_at" TIMESTAMP',
    ],
    "change_editor_required": [
        'ALTER TABLE "change" ALTER COLUMN "editor_id" SET NOT NULL',
    ],
    "relevance": [
        (
            'CREATE TABLE IF NOT EXISTS "claim_term" ("term" VARCHAR(64) NOT NULL, "weight" '
            'INTEGER NOT NULL, "claim_id" INTEGER NOT NULL, PRIMARY KEY ("term", "weight", '
            '"claim_id"))'
        ),
        (
            'CREATE INDEX IF NOT EXISTS "claim_term_term_claim_id_weight" ON "claim_term" '
            '("term", "claim_id", "weight")'
        ),
        (
            'CREATE TABLE IF NOT EXISTS "search_index" ("version" INTEGER NOT NULL PRIMARY '
            'KEY, "claims" INTEGER NOT NULL, "average_length" DOUBLE PRECISION NOT NULL, "made_at" '
            "TIMESTAMP NOT NULL)"
        ),
        (
            'CREATE TABLE IF NOT EXISTS "search_term" ("version" INTEGER NOT NULL, "term" '
            'VARCHAR(64) NOT NULL, "claims" INTEGER NOT NULL, PRIMARY KEY ("version", '
            '"term"))'
        ),
    ],
}
