-- spec/support/json.lua: a small, strict JSON decoder for the specs.
--
-- Strict on purpose: it rejects what a lenient reader would accept (raw
-- control characters in strings, invalid UTF-8, trailing commas, bad
-- escapes, anything after the value), so a spec that decodes the
-- annotator's output also checks that the output is valid JSON.
-- decode(s) returns the value, or raises "json: <what> at byte <n>".
-- Objects become tables, arrays sequences, null the value 'json.null'.

local json = {}

-- the value null decodes to
json.null = setmetatable({}, {__tostring = function() return "null" end})

local byte, sub, find, char = string.byte, string.sub, string.find, string.char
local utf8char, utf8len = utf8.char, utf8.len
local tonumber, error, concat = tonumber, error, table.concat

local decode_value

-- raise with the position
local function fail(pos, what)
  error(("json: %s at byte %d"):format(what, pos), 0)
end

-- the position of the next non-blank byte
local function skip(s, pos)
  return find(s, "[^ \t\r\n]", pos) or #s + 1
end

local escapes = {
  [34] = '"', [92] = "\\", [47] = "/", [98] = "\b", [102] = "\f",
  [110] = "\n", [114] = "\r", [116] = "\t",
}

-- a string starting at the quote at 'pos': its value and the next position
local function decode_string(s, pos)
  local parts, i = {}, pos + 1
  while true do
    local j = find(s, '["\\%z\1-\31]', i)
    if not j then fail(pos, "unterminated string") end
    local run = sub(s, i, j - 1)
    if not utf8len(run) then fail(i, "invalid UTF-8 in string") end
    parts[#parts + 1] = run
    local c = byte(s, j)
    if c == 34 then return concat(parts), j + 1 end
    if c ~= 92 then fail(j, "control character in string") end
    local e = byte(s, j + 1)
    if e == 117 then   -- \uXXXX, with surrogate pairs
      local hex = sub(s, j + 2, j + 5)
      if not find(hex, "^%x%x%x%x$") then fail(j, "bad \\u escape") end
      local cp = tonumber(hex, 16)
      i = j + 6
      if cp >= 0xD800 and cp <= 0xDBFF then
        local lo = find(s, "^\\u[dD][c-fC-F]%x%x", i) and tonumber(sub(s, i + 2, i + 5), 16)
        if not lo then fail(j, "lone surrogate") end
        cp = 0x10000 + (cp - 0xD800) * 0x400 + (lo - 0xDC00)
        i = i + 6
      elseif cp >= 0xDC00 and cp <= 0xDFFF then
        fail(j, "lone surrogate")
      end
      parts[#parts + 1] = utf8char(cp)
    elseif escapes[e] then
      parts[#parts + 1] = escapes[e]
      i = j + 2
    else
      fail(j, "bad escape")
    end
  end
end

-- a number at 'pos'
local function decode_number(s, pos)
  local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
  if not num or not find(num, "^-?0[%.eE]") and not find(num, "^-?[1-9]") and num ~= "0" and num ~= "-0"
     or find(num, "^-?0%d") or find(num, "%.$") or find(num, "%.[eE]") or find(num, "[eE][-+]?$") then
    fail(pos, "bad number")
  end
  return tonumber(num), pos + #num
end

-- an array or object at 'pos'
local function decode_list(s, pos, depth, closer, is_object)
  if depth > 200 then fail(pos, "too deep") end
  local result, n = {}, 0
  pos = skip(s, pos + 1)
  if byte(s, pos) == closer then return result, pos + 1 end
  while true do
    local key
    if is_object then
      if byte(s, pos) ~= 34 then fail(pos, "key expected") end
      key, pos = decode_string(s, pos)
      pos = skip(s, pos)
      if byte(s, pos) ~= 58 then fail(pos, "':' expected") end
      pos = skip(s, pos + 1)
    end
    local v
    v, pos = decode_value(s, pos, depth + 1)
    if is_object then result[key] = v else n = n + 1; result[n] = v end
    pos = skip(s, pos)
    local c = byte(s, pos)
    if c == closer then return result, pos + 1 end
    if c ~= 44 then fail(pos, "',' expected") end
    pos = skip(s, pos + 1)
  end
end

-- any value at 'pos'
function decode_value(s, pos, depth)
  local c = byte(s, pos)
  if c == 123 then return decode_list(s, pos, depth, 125, true) end
  if c == 91 then return decode_list(s, pos, depth, 93, false) end
  if c == 34 then return decode_string(s, pos) end
  if c == 45 or (c and c >= 48 and c <= 57) then return decode_number(s, pos) end
  if sub(s, pos, pos + 3) == "true" then return true, pos + 4 end
  if sub(s, pos, pos + 4) == "false" then return false, pos + 5 end
  if sub(s, pos, pos + 3) == "null" then return json.null, pos + 4 end
  fail(pos, "value expected")
end

-- decode one JSON text; nothing but blanks may follow the value
function json.decode(s)
  local v, pos = decode_value(s, skip(s, 1), 0)
  pos = skip(s, pos)
  if pos <= #s then fail(pos, "trailing bytes") end
  return v
end

return json
