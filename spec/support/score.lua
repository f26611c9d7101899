-- spec/support/score.lua: running ../shared/tools/score.py over a corpus,
-- for the accuracy specs (spec/21, spec/22).  Exposed through
-- spec/support as support.score, support.scorer_ready and support.read.
--
--   support.scorer_ready()       the scorer and python3 are both there
--   support.score(dir, ids)      annotate the articles of 'dir' (the ids
--                                given, or every gold one with its text),
--                                score them against dir/gold and return
--                                the scorer's figures, or nil and a message

local json = require "spec.support.json"

local score = {}

-- the scorer, found next to the shared corpus; specs skip without it
score.SCORER = "../shared/tools/score.py"

-- the contents of the file at 'path'
function score.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- does a readable file exist at 'path'?
function score.exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

-- python3 runs here
local function have_python()
  local ok = os.execute("python3 -c 'import json' >/dev/null 2>&1")
  return ok == true or ok == 0
end

-- can specs score at all: the scorer exists and python3 runs
function score.scorer_ready()
  return score.exists(score.SCORER) and have_python()
end

-- the ids of the gold articles of 'dir' that have their text
local function gold_ids(dir)
  local ids = {}
  local p = io.popen("ls '" .. dir .. "/gold' 2>/dev/null")
  if not p then return ids end
  for name in p:lines() do
    local id = name:match("^(.+)%.json$")
    if id and score.exists(dir .. "/" .. id .. ".txt") then ids[#ids + 1] = id end
  end
  p:close()
  return ids
end

-- annotate every article (dir/<id>.txt) into a fresh directory, score it
-- against dir/gold, and return the scorer's figures (a table), or nil and
-- a message.  'ids' defaults to every gold article that has its text.
function score.score(dir, ids)
  -- required here, not above, so that specs not scoring never load annot
  local annot = require "annot"
  local out = os.tmpname()
  os.remove(out)
  assert(os.execute("mkdir -p '" .. out .. "'"))
  for _, id in ipairs(ids or gold_ids(dir)) do
    local text = score.read(dir .. "/" .. id .. ".txt")
    local w = assert(io.open(out .. "/" .. id .. ".json", "wb"))
    w:write(annot.annotate(text):to_json{tokens = false})
    w:close()
  end
  local p = io.popen("python3 " .. score.SCORER .. " '" .. dir .. "/gold' '" .. out .. "' --json")
  local s = p:read("a")
  p:close()
  os.execute("rm -rf '" .. out .. "'")
  local ok, figures = pcall(json.decode, s)
  if not ok then return nil, "scorer output: " .. tostring(s) end
  return figures
end

return score
