-- annot.tabular: rows of values as aligned text tables, CSV or TSV.
--
-- A table to print is a list of rows; a row is either a sequence of values
-- (in column order) or a record keyed by column name.  Options:
--   columns  list of column names: the header, and the keys of record rows
--            (default: the keys of the first record row, sorted, or none)
--   header   false to leave the header row out (default true)
--   align    {name = "left" | "right"}: numbers align right by default
--   max      widest cell in an aligned table, in characters (default 60):
--            longer text is cut and ends with '…'
-- Values are written with 'tostring'; nil is an empty cell.

local string, table, utf8 = string, table, utf8
local type, pairs, ipairs, tostring, error = type, pairs, ipairs, tostring, error
local concat, sort = table.concat, table.sort
local rep, find, gsub = string.rep, string.find, string.gsub
local io = io

local tabular = { _VERSION = "annot.tabular 0.1.0" }

_ENV = nil

-- The column names of 'rows': 'opts.columns', or the keys of the first
-- record row (sorted), or nil when the rows are sequences.
local function columns_of(rows, opts)
  if opts.columns then return opts.columns end
  local first = rows[1]
  if type(first) == "table" and first[1] == nil then
    local names = {}
    for k in pairs(first) do names[#names + 1] = tostring(k) end
    sort(names)
    return names
  end
  return nil
end

-- The cells of 'row' as strings, in column order.
local function cells_of(row, columns, width)
  local out = {}
  if type(row) ~= "table" then row = { row } end
  local n = columns and #columns or width or #row
  for i = 1, n do
    local v = row[i]
    if v == nil and columns then v = row[columns[i]] end
    out[i] = v == nil and "" or tostring(v)
  end
  return out, n
end

-- The widest row of sequences, for tables without column names.
local function width_of(rows)
  local w = 0
  for _, row in ipairs(rows) do
    if type(row) == "table" and #row > w then w = #row end
  end
  return w
end

-- {==================================================================
-- Aligned text tables
-- ===================================================================

-- Display width of 's': characters for valid UTF-8, bytes otherwise.
local function display_width(s)
  return utf8.len(s) or #s
end

-- 's' on one line (line breaks and tabs become spaces) and cut to 'max'
-- characters.
local function fit(s, max)
  s = gsub(s, "[\r\n\t]+", " ")
  if display_width(s) > max then
    local cut = utf8.len(s) and utf8.offset(s, max) or max
    s = s:sub(1, cut - 1) .. "…"
  end
  return s
end

-- tabular.format(rows [, opts]): the rows as an aligned text table (a
-- string with one line per row and a rule under the header).
function tabular.format(rows, opts)
  opts = opts or {}
  local columns = columns_of(rows, opts)
  local width = columns and #columns or width_of(rows)
  local max = opts.max or 60
  local align = opts.align or {}
  local lines, widths, numeric = {}, {}, {}
  local header = columns and opts.header ~= false
  -- first pass: the cells, the width of each column, numeric columns
  if header then
    local cells = {}
    for i = 1, width do cells[i] = fit(columns[i], max) end
    lines[1] = cells
  end
  for i = 1, width do numeric[i] = true end
  for _, row in ipairs(rows) do
    local cells = cells_of(row, columns, width)
    for i = 1, width do
      cells[i] = fit(cells[i], max)
      if cells[i] ~= "" and not find(cells[i], "^%-?[%d.,]+%%?$") then numeric[i] = false end
    end
    lines[#lines + 1] = cells
  end
  for _, cells in ipairs(lines) do
    for i = 1, width do
      local w = display_width(cells[i])
      if w > (widths[i] or 0) then widths[i] = w end
    end
  end
  -- second pass: pad each cell; the last left-aligned cell is not padded
  local out = {}
  for li, cells in ipairs(lines) do
    local parts = {}
    for i = 1, width do
      local name = columns and columns[i]
      local right = align[name] == "right" or (align[name] == nil and numeric[i] and #rows > 0)
      local pad = rep(" ", widths[i] - display_width(cells[i]))
      if right then parts[i] = pad .. cells[i]
      elseif i < width then parts[i] = cells[i] .. pad
      else parts[i] = cells[i] end
    end
    out[#out + 1] = (gsub(concat(parts, "  "), "%s+$", ""))
    if li == 1 and header then
      local rule = {}
      for i = 1, width do rule[i] = rep("-", widths[i]) end
      out[#out + 1] = concat(rule, "  ")
    end
  end
  return concat(out, "\n") .. (#out > 0 and "\n" or "")
end

-- tabular.print(rows [, opts]): write 'tabular.format' to 'opts.file'
-- (default standard output).
function tabular.print(rows, opts)
  local file = opts and opts.file or io.stdout
  file:write(tabular.format(rows, opts))
end

-- }==================================================================


-- {==================================================================
-- CSV and TSV
-- ===================================================================

-- the bytes that make a CSV field need quoting, besides the separator
local CSV_SPECIAL = '["\r\n]'

-- The pattern of the bytes that make a CSV field with separator 'sep'
-- need quoting, or nil when 'sep' is not one byte (then two searches).
local function csv_special(sep)
  if #sep ~= 1 then return nil end
  -- in a class, punctuation is escaped with '%'; a letter or digit is
  -- itself ('%a' would mean every letter)
  return '["\r\n' .. (find(sep, "^%p$") and "%" .. sep or sep) .. "]"
end

-- One CSV field, quoted as RFC 4180 says: when it holds the separator, a
-- quote or a line break, inside double quotes with quotes doubled.
-- 'special' is csv_special(sep) when the caller has it.
local function csv_field(s, sep, special)
  local quote
  if special then quote = find(s, special)
  else quote = find(s, CSV_SPECIAL) or find(s, sep, 1, true) end
  if quote then return '"' .. gsub(s, '"', '""') .. '"' end
  return s
end

-- One TSV field: tabs and line breaks cannot be quoted in TSV, so they
-- become '\t', '\n', '\r' (a backslash '\\', a NUL byte '\0').
local tsv_escape = { ["\t"] = "\\t", ["\n"] = "\\n", ["\r"] = "\\r", ["\\"] = "\\\\",
                     ["\0"] = "\\0" }
local function tsv_field(s)
  -- most fields hold none of these: look before building a new string
  if not find(s, "[\t\n\r\\%z]") then return s end
  return (gsub(s, "[\t\n\r\\%z]", tsv_escape))
end

-- tabular.cell_writer(sep): a function turning one value into one field
-- of a line separated by 'sep' (nil is empty, other values go through
-- 'tostring'), and the line end: TSV escapes and LF for "\t", else CSV
-- quoting and CRLF.  For writers that build lines field by field.
function tabular.cell_writer(sep)
  if sep == "\t" then
    return function(v)
      if v == nil then return "" end
      return tsv_field(type(v) == "string" and v or tostring(v))
    end, "\n"
  end
  local special = csv_special(sep)
  return function(v)
    if v == nil then return "" end
    return csv_field(type(v) == "string" and v or tostring(v), sep, special)
  end, "\r\n"
end

-- tabular.csv_line(values [, sep]): one CSV line (with CRLF, as RFC 4180
-- says) from a sequence of values; 'sep' defaults to ','.
function tabular.csv_line(values, sep, n)
  sep = sep or ","
  local special = csv_special(sep)
  local parts = {}
  for i = 1, n or #values do
    local v = values[i]
    parts[i] = csv_field(v == nil and "" or tostring(v), sep, special)
  end
  return concat(parts, sep) .. "\r\n"
end

-- tabular.tsv_line(values): one TSV line (LF) from a sequence of values.
function tabular.tsv_line(values, n)
  local parts = {}
  for i = 1, n or #values do
    local v = values[i]
    parts[i] = tsv_field(v == nil and "" or tostring(v))
  end
  return concat(parts, "\t") .. "\n"
end

-- The rows as text, header first, each line made by 'line_of(values,
-- width)': what tabular.csv and tabular.tsv share.
local function table_text(rows, opts, line_of)
  local columns = columns_of(rows, opts)
  local width = columns and #columns or width_of(rows)
  local out = {}
  if columns and opts.header ~= false then out[1] = line_of(columns, width) end
  for _, row in ipairs(rows) do
    out[#out + 1] = line_of(cells_of(row, columns, width), width)
  end
  return concat(out)
end

-- tabular.csv(rows [, opts]): the rows as CSV text, header first;
-- 'opts.sep' sets the separator (default ',').
function tabular.csv(rows, opts)
  opts = opts or {}
  return table_text(rows, opts, function(values, width)
    return tabular.csv_line(values, opts.sep, width)
  end)
end

-- tabular.tsv(rows [, opts]): the rows as TSV text, header first.
function tabular.tsv(rows, opts)
  return table_text(rows, opts or {}, tabular.tsv_line)
end

-- tabular.row(record, columns): the values of a record in column order
-- (a helper for streaming writers that print one line at a time).
function tabular.row(record, columns)
  if type(columns) ~= "table" then error("tabular.row: columns must be a list", 2) end
  return (cells_of(record, columns))
end

-- }==================================================================

return tabular
