-- Lists filtered to one state, newest first, without walking past the others.
CREATE INDEX complaints_org_state_created ON complaints (org_id, state, created_at, id);
-- The task inbox and the overdue filter: open cases in deadline order. It
-- replaces (org, state, due), one index less for every action to update.
DROP INDEX complaints_org_state_due;
CREATE INDEX complaints_open_due ON complaints (org_id, step_due_at, id) WHERE state <> 'closed';
-- Statistics over the cases closed in a period.
CREATE INDEX complaints_org_closed ON complaints (org_id, closed_at) WHERE closed_at IS NOT NULL;

-- Search text folded as kehu_domain::customer::search_query folds queries:
-- full-width forms to half-width, lower case, no whitespace. The service
-- writes the folded text itself; this is for backfills and bulk loads.
CREATE FUNCTION kehu_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(lower(translate(t,
    '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　',
    '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ')), '\s', '', 'g')
$$;

-- Every pair of adjacent characters: Chinese words are mostly two
-- characters, too short for trigrams.
CREATE FUNCTION kehu_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}') FROM generate_series(1, char_length(t) - 1) AS i
$$;

-- Free-text search lives beside the complaint, not in it: workflow actions
-- rewrite the complaint row and would rewrite its search index entries too.
CREATE TABLE complaint_search (
    complaint_id BIGINT PRIMARY KEY REFERENCES complaints (id) ON DELETE CASCADE,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    case_text TEXT NOT NULL,
    customer_text TEXT NOT NULL,
    search_text TEXT GENERATED ALWAYS AS (case_text || ' ' || customer_text) STORED
);

INSERT INTO complaint_search (complaint_id, customer_id, case_text, customer_text)
SELECT c.id, c.customer_id,
       concat_ws(' ', kehu_fold(c.number), kehu_fold(c.order_number), kehu_fold(c.product_number), kehu_fold(c.product_spec), kehu_fold(c.description)),
       kehu_fold(cu.name)
FROM complaints c JOIN customers cu ON cu.id = c.customer_id;

CREATE INDEX complaint_search_customer ON complaint_search (customer_id);
-- Trigrams find queries of three characters or more; bigrams, two.
CREATE INDEX complaint_search_trigrams ON complaint_search USING gin (search_text gin_trgm_ops);
CREATE INDEX complaint_search_bigrams ON complaint_search USING gin (kehu_bigrams(search_text));
ANALYZE complaint_search;
