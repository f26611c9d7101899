-- spec/21-quote_accuracy_spec.lua: the quote stage against the shared
-- gold articles (../shared/corpus), scored by ../shared/tools/score.py.
-- Skips (pending) when the corpus, the scorer or python3 is absent.
-- Targets: quote span F1 >= 0.97 (direct, partial, scare; exact marks),
-- kind accuracy >= 0.90, speaker accuracy >= 0.95 on direct and partial
-- quotes, indirect-speech recall >= 0.70.

local annot = require "annot"
local support = require "spec.support"

local SCORER = "../shared/tools/score.py"

-- does a readable file exist at 'path'?
local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

-- python3 runs here
local function have_python()
  local ok = os.execute("python3 -c 'import json' >/dev/null 2>&1")
  return ok == true or ok == 0
end

-- the ids of the gold articles of 'dir' that have their text
local function gold_ids(dir)
  local ids = {}
  local p = io.popen("ls '" .. dir .. "/gold' 2>/dev/null")
  if not p then return ids end
  for name in p:lines() do
    local id = name:match("^(.+)%.json$")
    if id and exists(dir .. "/" .. id .. ".txt") then ids[#ids + 1] = id end
  end
  p:close()
  return ids
end

-- annotate every article into a fresh directory, score it, and return the
-- scorer's figures (a table), or nil and a message
local function score(dir)
  local out = os.tmpname()
  os.remove(out)
  assert(os.execute("mkdir -p '" .. out .. "'"))
  for _, id in ipairs(gold_ids(dir)) do
    local f = assert(io.open(dir .. "/" .. id .. ".txt", "rb"))
    local text = f:read("a")
    f:close()
    local json = annot.annotate(text):to_json{tokens = false}
    local w = assert(io.open(out .. "/" .. id .. ".json", "wb"))
    w:write(json)
    w:close()
  end
  local p = io.popen("python3 " .. SCORER .. " '" .. dir .. "/gold' '" .. out .. "' --json")
  local s = p:read("a")
  p:close()
  os.execute("rm -rf '" .. out .. "'")
  local ok, figures = pcall(support.json.decode, s)
  if not ok then return nil, "scorer output: " .. tostring(s) end
  return figures
end

describe("quote accuracy on the shared corpus", function()
  local dir = support.corpus_dir()
  if not dir or not exists(SCORER) or not have_python() then
    pending("no ../shared/corpus, scorer or python3")
    return
  end

  local figures, err
  setup(function() figures, err = score(dir) end)

  it("finds quote spans (F1 >= 0.97)", function()
    assert(figures, err)
    assert.is_true(figures.quote_detect.f1 >= 0.97,
                   "quote span F1 " .. figures.quote_detect.f1)
  end)

  it("tells kinds apart (accuracy >= 0.90)", function()
    assert(figures, err)
    assert.is_true(figures.quote_kind_acc >= 0.90,
                   "kind accuracy " .. figures.quote_kind_acc)
  end)

  it("finds who said direct and partial quotes (>= 0.95)", function()
    assert(figures, err)
    assert.is_true(figures.attribution_acc >= 0.95,
                   "speaker accuracy " .. figures.attribution_acc)
  end)

  it("finds indirect speech (recall >= 0.70)", function()
    assert(figures, err)
    assert.is_true(figures.indirect.r >= 0.70, "indirect recall " .. figures.indirect.r)
  end)
end)
