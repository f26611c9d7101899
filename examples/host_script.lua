-- host_script.lua: the script examples/embed_lua.c runs by default.
-- For each file named on the command line: its counts, the people it
-- names, and who is quoted how often, using annot's Lua API.

local annot = require "annot"

local files = {...}
if #files == 0 then
  error("usage: embed_lua [-s SCRIPT] FILE...", 0)
end

-- read a whole file, raising a clear error when it cannot
local function read(path)
  local f, err = io.open(path, "rb")
  if not f then error(err, 0) end
  local text = f:read("a")
  f:close()
  return text
end

-- the texts first, then one call on threads for all of them
local texts = {}
for i, path in ipairs(files) do texts[i] = read(path) end
local docs = annot.annotate_many(texts)

for i, doc in ipairs(docs) do
  local c = doc:counts()
  print(("%s: %d tokens, %d sentences, %d paragraphs, %d mentions, %d quotes")
        :format(files[i], c.tokens, c.sentences, c.paragraphs, c.entities, c.quotes))
  local people = {}
  for _, g in ipairs(doc:entity_groups()) do
    if g.type == "PERSON" then
      people[#people + 1] = ("%s (%d)"):format(g.canonical or g.mentions[1].text, #g.mentions)
    end
  end
  if #people > 0 then print("  people: " .. table.concat(people, ", ")) end
  for _, s in ipairs(doc:speakers()) do
    print(("  quoted: %s, %d time(s)"):format(s.speaker, s.count))
  end
end
