-- annot.export.conll: a doc as CoNLL-style BIO columns.
--
-- One token a line: the token's text, a tab, its entity tag (B-TYPE on the
-- first token of a mention, I-TYPE on the others, O outside), and a blank
-- line after each sentence, as in the CoNLL-2003 shared task.  A token
-- whose text holds a tab or a line break (it cannot, from the scanner,
-- but a user's doc object might) has them written as spaces.

local table, string = table, string
local ipairs, pairs, type = ipairs, pairs, type
local concat, gsub = table.concat, string.gsub

local conll = { _VERSION = "annot.export.conll 0.1.0" }

_ENV = nil

-- conll.tags(doc [, opts]): the BIO tag of every token, as a list indexed
-- by token.  'opts.types' (a set or list of type names) keeps only those.
-- Mentions are assumed not to overlap; where they do, the first wins.
function conll.tags(doc, opts)
  local keep
  if opts and opts.types then
    local t = opts.types
    keep = {}
    if type(t) == "string" then keep[t] = true
    elseif t[1] ~= nil then for _, name in ipairs(t) do keep[name] = true end
    else for name, on in pairs(t) do keep[name] = on end end
  end
  local tags = {}
  for i = 1, #doc do tags[i] = "O" end
  for m in doc:entities() do
    if not keep or keep[m.type] then
      local a, b = m.first_token, m.last_token
      if a and b and tags[a] == "O" then
        tags[a] = "B-" .. m.type
        for i = a + 1, b do
          if tags[i] == "O" then tags[i] = "I-" .. m.type end
        end
      end
    end
  end
  return tags
end

-- conll.format(doc [, opts]): the columns as a string.  'opts.types' as
-- for 'tags'.  A doc without sentences is one sentence.
function conll.format(doc, opts)
  local tags = conll.tags(doc, opts)
  -- the first token of each sentence but the first starts a new block
  local starts = {}
  for s in doc:sentences() do
    if s.first_token then starts[s.first_token] = true end
  end
  local out, n = {}, 0
  local any = false
  for i, text in doc:tokens() do
    if starts[i] and any then n = n + 1; out[n] = "\n" end
    any = true
    n = n + 1
    out[n] = gsub(text, "[\t\r\n]", " ") .. "\t" .. tags[i] .. "\n"
  end
  if any then n = n + 1; out[n] = "\n" end
  return concat(out)
end

return conll
