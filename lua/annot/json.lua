-- annot.json: a small JSON decoder and encoder, with no outside dependency.
--
-- It reads the JSON Lines that the CLI takes as input ('{"id":..,
-- "text":..}' per line) and the JSON the annotator writes, so that specs and
-- scripts can look inside it.  Decoding turns objects into tables, arrays
-- into sequences (with 'n' unset: use '#'), JSON null into 'json.null'.
-- Encoding writes tables with keys 1..n as arrays and any other table as an
-- object with its keys sorted, so the output is stable.

local string, table, math = string, table, math
local type, pairs, ipairs, tostring, tonumber = type, pairs, ipairs, tostring, tonumber
local setmetatable, error = setmetatable, error
local pcall = pcall
local byte, char, find, sub, format = string.byte, string.char, string.find, string.sub, string.format
local concat, sort = table.concat, table.sort
local utf8char, utf8len = utf8.char, utf8.len

local json = { _VERSION = "annot.json 0.1.0" }

-- the value JSON null decodes to: a unique table that prints as 'null'
json.null = setmetatable({}, { __tostring = function() return "null" end,
                               __name = "json.null" })

_ENV = nil

-- {==================================================================
-- Decoding
-- ===================================================================

-- escapes after a backslash, other than \u
local unescape = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b",
                   f = "\f", n = "\n", r = "\r", t = "\t" }

local decode_value   -- forward: mutually recursive with arrays and objects

-- Raise a decoding error that names the byte offset (1-based) in 's'.
local function fail(s, pos, what)
  error(format("json: %s at byte %d", what, pos), 0)
end

-- Skip JSON whitespace from 'pos'; return the position of the next byte.
local function skip(s, pos)
  return find(s, "[^ \t\r\n]", pos) or #s + 1
end

-- Decode the string whose opening quote is at 'pos'; return it and the
-- position after its closing quote.  Surrogate pairs become one character.
local function decode_string(s, pos)
  -- the string is built from pieces: runs of plain bytes copied whole,
  -- and one piece per escape
  local parts, n = {}, 0
  local i = pos + 1
  while true do
    -- copy the longest run with no quote, backslash or control byte
    local j = find(s, '["\\%c]', i)
    if not j then fail(s, pos, "unterminated string") end
    if j > i then n = n + 1; parts[n] = sub(s, i, j - 1) end
    local c = sub(s, j, j)
    if c == '"' then
      return concat(parts), j + 1
    elseif c == "\\" then
      local e = sub(s, j + 1, j + 1)
      if e == "u" then
        local hex = sub(s, j + 2, j + 5)
        if not find(hex, "^%x%x%x%x$") then fail(s, j, "bad \\u escape") end
        local cp = tonumber(hex, 16)
        i = j + 6
        -- a high surrogate followed by a low one is one code point
        if cp >= 0xD800 and cp <= 0xDBFF and find(s, "^\\u[dD][c-fC-F]%x%x", i) then
          local lo = tonumber(sub(s, i + 2, i + 5), 16)
          cp = 0x10000 + (cp - 0xD800) * 0x400 + (lo - 0xDC00)
          i = i + 6
        end
        n = n + 1; parts[n] = utf8char(cp)
      elseif unescape[e] then
        n = n + 1; parts[n] = unescape[e]
        i = j + 2
      else
        fail(s, j, "bad escape")
      end
    else
      fail(s, j, "control character in string")
    end
  end
end

-- Decode the number at 'pos'; return it (an integer when it is one) and
-- the position after it.
local function decode_number(s, pos)
  -- a loose pattern finds the extent; tonumber then decides, so "1e"
  -- or "-" fail here rather than as something else later
  local _, last = find(s, "^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
  local text = last and sub(s, pos, last)
  local v = text and (math.tointeger(tonumber(text)) or tonumber(text))
  if not v or not find(text, "^-?%d") then fail(s, pos, "bad number") end
  return v, last + 1
end

-- Decode the array whose '[' is at 'pos'.
local function decode_array(s, pos, depth)
  local arr, n = {}, 0
  pos = skip(s, pos + 1)
  -- an empty array stays an array when encoded again
  if sub(s, pos, pos) == "]" then return json.array(arr), pos + 1 end
  while true do
    local v
    v, pos = decode_value(s, pos, depth)
    n = n + 1; arr[n] = v
    pos = skip(s, pos)
    local c = sub(s, pos, pos)
    if c == "]" then return arr, pos + 1 end
    if c ~= "," then fail(s, pos, "expected ',' or ']'") end
    pos = skip(s, pos + 1)
  end
end

-- Decode the object whose '{' is at 'pos'.
local function decode_object(s, pos, depth)
  local obj = {}
  pos = skip(s, pos + 1)
  if sub(s, pos, pos) == "}" then return obj, pos + 1 end
  while true do
    if sub(s, pos, pos) ~= '"' then fail(s, pos, "expected a key") end
    local k
    k, pos = decode_string(s, pos)
    pos = skip(s, pos)
    if sub(s, pos, pos) ~= ":" then fail(s, pos, "expected ':'") end
    local v
    v, pos = decode_value(s, skip(s, pos + 1), depth)
    obj[k] = v   -- a repeated key: the last one wins, as in most decoders
    pos = skip(s, pos)
    local c = sub(s, pos, pos)
    if c == "}" then return obj, pos + 1 end
    if c ~= "," then fail(s, pos, "expected ',' or '}'") end
    pos = skip(s, pos + 1)
  end
end

-- Decode any value at 'pos' (no leading whitespace); 'depth' bounds the
-- nesting so that hostile input cannot overflow the C stack.
function decode_value(s, pos, depth)
  depth = depth + 1
  if depth > 200 then fail(s, pos, "too deeply nested") end
  local c = sub(s, pos, pos)
  if c == "{" then return decode_object(s, pos, depth)
  elseif c == "[" then return decode_array(s, pos, depth)
  elseif c == '"' then return decode_string(s, pos)
  elseif c == "-" or find(c, "^%d") then return decode_number(s, pos)
  elseif sub(s, pos, pos + 3) == "true" then return true, pos + 4
  elseif sub(s, pos, pos + 4) == "false" then return false, pos + 5
  elseif sub(s, pos, pos + 3) == "null" then return json.null, pos + 4
  elseif c == "" then fail(s, pos, "unexpected end of input")
  end
  fail(s, pos, "unexpected character '" .. c .. "'")
end

-- json.decode(s): the value that the JSON text 's' holds.  Raises an error
-- naming the byte offset when 's' is not JSON (trailing data included).
function json.decode(s)
  if type(s) ~= "string" then error("json.decode: expected a string", 2) end
  local v, pos = decode_value(s, skip(s, 1), 0)
  pos = skip(s, pos)
  if pos <= #s then fail(s, pos, "trailing data") end
  return v
end

-- json.try_decode(s): like 'decode', but returns nil and the message
-- instead of raising.
function json.try_decode(s)
  local ok, v = pcall(json.decode, s)
  if ok then return v end
  return nil, v
end

-- }==================================================================


-- {==================================================================
-- Encoding
-- ===================================================================

-- control bytes, quote and backslash as JSON escapes
local escape = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
                 ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
for c = 0, 31 do
  local ch = char(c)
  if not escape[ch] then escape[ch] = format("\\u%04x", c) end
end
escape["\127"] = "\\u007f"

-- json.valid_utf8(s): 's' with each byte that is not part of a valid
-- UTF-8 sequence replaced by U+FFFD (annot.html uses it too).
function json.valid_utf8(s)
  -- the UTF-8 check is needed only when a byte above 127 is there at all
  if not find(s, "[\128-\255]") or utf8len(s) then return s end
  -- keep every valid sequence and replace each stray byte
  local out, n, i, len = {}, 0, 1, #s
  while i <= len do
    local b = byte(s, i)
    local size = b < 0x80 and 1 or b >= 0xF0 and 4 or b >= 0xE0 and 3 or b >= 0xC2 and 2 or 0
    local piece = size > 0 and sub(s, i, i + size - 1)
    n = n + 1
    if piece and #piece == size and utf8len(piece) == 1 then
      out[n] = piece; i = i + size
    else
      out[n] = "\u{FFFD}"; i = i + 1
    end
  end
  return concat(out)
end

-- json.quote(s): 's' as a JSON string literal.  Bytes that are not valid
-- UTF-8 are written as U+FFFD so that the output is always valid JSON.
function json.quote(s)
  -- the ASCII escapes first: they never touch a byte above 127
  return '"' .. json.valid_utf8((s:gsub('[%c"\\]', escape))) .. '"'
end

local encode_value

-- Is 't' a sequence (keys 1..n, n >= 1, nothing else)?  Empty tables are
-- objects unless marked with 'json.array'.
local array_mark = setmetatable({}, { __mode = "k" })
local function is_array(t)
  local n = #t
  if n == 0 then return array_mark[t] == true end
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n
end

-- json.array(t): mark 't' (possibly empty) to be written as an array.
function json.array(t)
  t = t or {}
  array_mark[t] = true
  return t
end

-- Append the encoding of 'v' to 'out'; 'seen' guards against cycles.
function encode_value(v, out, seen)
  local tv = type(v)
  if v == nil or v == json.null then
    out[#out + 1] = "null"
  elseif tv == "boolean" then
    out[#out + 1] = tostring(v)
  elseif tv == "number" then
    -- JSON has no NaN or infinities: refuse rather than write bad JSON
    if v ~= v or v == math.huge or v == -math.huge then
      error("json.encode: cannot encode " .. tostring(v), 0)
    end
    -- integers stay integers; floats keep every bit (%.17g round trips)
    out[#out + 1] = math.type(v) == "integer" and tostring(v) or format("%.17g", v)
  elseif tv == "string" then
    out[#out + 1] = json.quote(v)
  elseif tv == "table" then
    if seen[v] then error("json.encode: cycle in table", 0) end
    seen[v] = true
    if is_array(v) then
      out[#out + 1] = "["
      for i, x in ipairs(v) do
        if i > 1 then out[#out + 1] = "," end
        encode_value(x, out, seen)
      end
      out[#out + 1] = "]"
    else
      -- sorted keys: the same table always gives the same text
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = tostring(k) end
      sort(keys)
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        if i > 1 then out[#out + 1] = "," end
        out[#out + 1] = json.quote(k)
        out[#out + 1] = ":"
        local x = v[k]
        if x == nil then x = v[tonumber(k)] end
        encode_value(x, out, seen)
      end
      out[#out + 1] = "}"
    end
    seen[v] = nil
  else
    error("json.encode: cannot encode a " .. tv, 0)
  end
end

-- json.encode(v): 'v' as compact JSON text on one line.
function json.encode(v)
  local out = {}
  encode_value(v, out, {})
  return concat(out)
end

-- }==================================================================

return json
