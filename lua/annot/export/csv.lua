-- annot.export.csv: entities and quotes as CSV or TSV tables.
--
-- One row per entity mention or per quote, with a header row.  CSV follows
-- RFC 4180: fields holding a comma, a quote or a line break are quoted,
-- quotes doubled, lines end with CRLF.  TSV ('sep = "\t"') has no quoting,
-- so tabs and line breaks in a field are written as \t, \n, \r.
-- Positions are 'first'/'last': 1-based inclusive byte positions, as in
-- the Lua API.  'source' is a doc, a list of docs, a corpus or a (name,
-- doc) iterator, as for annot.analysis; the 'doc' column holds the names.

local require, ipairs = require, ipairs
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

-- Write the rows of every doc of 'source' as one table.
local function table_of(source, rows_of, columns, opts)
  opts = opts or {}
  local each_doc = require("annot.analysis").each_doc
  local sep = opts.sep or ","
  local line = sep == "\t" and function(v) return tabular.tsv_line(v, #columns) end
               or function(v) return tabular.csv_line(v, sep, #columns) end
  local out = { line(columns) }
  for name, doc in each_doc(source) do
    for _, row in ipairs(rows_of(doc, name, opts.filter)) do
      out[#out + 1] = line(tabular.row(row, columns))
    end
  end
  return concat(out)
end

-- csv.entities(source [, opts]): the entity table as a string.  Options:
-- 'sep' (default ","; "\t" for TSV), 'filter' (as for doc:entities).
function csv.entities(source, opts)
  return table_of(source, csv.entity_rows, csv.ENTITY_COLUMNS, opts)
end

-- csv.quotes(source [, opts]): the quote table as a string.  Options:
-- 'sep', 'filter' (as for doc:quotes).
function csv.quotes(source, opts)
  return table_of(source, csv.quote_rows, csv.QUOTE_COLUMNS, opts)
end

return csv
