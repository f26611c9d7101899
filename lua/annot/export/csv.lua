-- annot.export.csv: entities and quotes as CSV or TSV tables.
--
-- One row per entity mention or per quote, with a header row.  CSV follows
-- RFC 4180: fields holding a comma, a quote or a line break are quoted,
-- quotes doubled, lines end with CRLF.  TSV ('sep = "\t"') has no quoting,
-- so tabs and line breaks in a field are written as \t, \n, \r.
-- Positions are 'first'/'last': 1-based inclusive byte positions, as in
-- the Lua API.  'source' is a doc, a list of docs, a corpus or a (name,
-- doc) iterator, as for annot.analysis; the 'doc' column holds the names.

local require = require
local concat = table.concat

local tabular = require "annot.tabular"

local csv = { _VERSION = "annot.export.csv 0.1.0" }

_ENV = nil

-- the columns of each table, in order
csv.ENTITY_COLUMNS = { "doc", "first", "last", "type", "text", "canonical", "role", "source" }
csv.QUOTE_COLUMNS = { "doc", "first", "last", "kind", "speaker", "canonical", "anonymous",
                      "cue", "text" }

-- csv.entity_rows(doc [, name [, filter]]): one record per mention.
function csv.entity_rows(doc, name, filter)
  local rows = {}
  for m in doc:entities(filter) do
    rows[#rows + 1] = { doc = name, first = m.first, last = m.last, type = m.type,
                        text = m.text, canonical = m.canonical, role = m.role,
                        source = m.source }
  end
  return rows
end

-- csv.quote_rows(doc [, name [, filter]]): one record per quote.
function csv.quote_rows(doc, name, filter)
  local rows = {}
  for q in doc:quotes(filter) do
    local s, cue = q.speaker, q.cue
    rows[#rows + 1] = { doc = name, first = q.first, last = q.last, kind = q.kind,
                        speaker = s and s.text, canonical = s and s.canonical,
                        anonymous = s and (s.anonymous and "true" or "false"),
                        cue = cue and cue.text, text = q.text }
  end
  return rows
end

-- Append the entity lines of 'doc' to 'out' (n pieces so far), each
-- field written by 'cell'; returns the new count.  Each mention's fields
-- are read once and go straight into 'out': no record per row.
local function entity_lines(out, n, doc, name, filter, cell, sep, eol)
  local doc_cell = cell(name)
  for m in doc:entities(filter) do
    out[n + 1] = doc_cell
    out[n + 2] = sep
    out[n + 3] = cell(m.first)
    out[n + 4] = sep
    out[n + 5] = cell(m.last)
    out[n + 6] = sep
    out[n + 7] = cell(m.type)
    out[n + 8] = sep
    out[n + 9] = cell(m.text)
    out[n + 10] = sep
    out[n + 11] = cell(m.canonical)
    out[n + 12] = sep
    out[n + 13] = cell(m.role)
    out[n + 14] = sep
    out[n + 15] = cell(m.source)
    out[n + 16] = eol
    n = n + 16
  end
  return n
end

-- The same for the quote lines of 'doc'.
local function quote_lines(out, n, doc, name, filter, cell, sep, eol)
  local doc_cell = cell(name)
  for q in doc:quotes(filter) do
    local s, cue = q.speaker, q.cue
    out[n + 1] = doc_cell
    out[n + 2] = sep
    out[n + 3] = cell(q.first)
    out[n + 4] = sep
    out[n + 5] = cell(q.last)
    out[n + 6] = sep
    out[n + 7] = cell(q.kind)
    out[n + 8] = sep
    out[n + 9] = cell(s and s.text)
    out[n + 10] = sep
    out[n + 11] = cell(s and s.canonical)
    out[n + 12] = sep
    out[n + 13] = cell(s and (s.anonymous and "true" or "false"))
    out[n + 14] = sep
    out[n + 15] = cell(cue and cue.text)
    out[n + 16] = sep
    out[n + 17] = cell(q.text)
    out[n + 18] = eol
    n = n + 18
  end
  return n
end

-- Write the lines of every doc of 'source' as one table: the header,
-- then what 'lines_of' appends for each doc.  The lines are the ones
-- 'tabular.csv_line' or 'tabular.tsv_line' would give for the records
-- of 'csv.entity_rows'/'csv.quote_rows', built without those records.
local function table_of(source, lines_of, columns, opts)
  opts = opts or {}
  local each_doc = require("annot.analysis").each_doc
  local sep = opts.sep or ","
  local cell, eol = tabular.cell_writer(sep)
  local out = { sep == "\t" and tabular.tsv_line(columns, #columns)
                or tabular.csv_line(columns, sep, #columns) }
  local n = 1
  for name, doc in each_doc(source) do
    n = lines_of(out, n, doc, name, opts.filter, cell, sep, eol)
  end
  return concat(out, "", 1, n)
end

-- csv.entities(source [, opts]): the entity table as a string.  Options:
-- 'sep' (default ","; "\t" for TSV), 'filter' (as for doc:entities).
function csv.entities(source, opts)
  return table_of(source, entity_lines, csv.ENTITY_COLUMNS, opts)
end

-- csv.quotes(source [, opts]): the quote table as a string.  Options:
-- 'sep', 'filter' (as for doc:quotes).
function csv.quotes(source, opts)
  return table_of(source, quote_lines, csv.QUOTE_COLUMNS, opts)
end

return csv
