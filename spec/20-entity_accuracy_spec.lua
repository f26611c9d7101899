-- spec/20-entity_accuracy_spec.lua: entity accuracy on the shared gold
-- corpus (../shared/corpus), scored by ../shared/tools/score.py.  Targets:
-- exact span-and-type F1 >= 0.95 on PERSON/ORG/GPE/LOC/NORP, >= 0.90 over
-- all types, canonical consistency >= 0.97.  Skips cleanly when the corpus,
-- the scorer or python3 is absent.

local support = require "spec.support"
local annot = require "annot"

local SCORER = "../shared/tools/score.py"

-- a file exists and can be read
local function readable(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

-- the whole content of a file
local function slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- python3 can be run
local function have_python()
  local ok = os.execute("python3 -c 'pass' >/dev/null 2>&1")
  return ok == true or ok == 0
end

-- the ids of the gold documents (CORPUS/gold/ID.json with CORPUS/ID.txt)
local function gold_ids(dir)
  local ids = {}
  local p = io.popen("ls '" .. dir .. "/gold' 2>/dev/null")
  for name in p:lines() do
    local id = name:match("^(.+)%.json$")
    if id and readable(dir .. "/" .. id .. ".txt") then ids[#ids + 1] = id end
  end
  p:close()
  return ids
end

-- annotate every gold document into a fresh directory; score it there
local function score(dir)
  local tmp = io.popen("mktemp -d"):read("l")
  for _, id in ipairs(gold_ids(dir)) do
    local doc = annot.annotate(slurp(dir .. "/" .. id .. ".txt"))
    local f = assert(io.open(tmp .. "/" .. id .. ".json", "wb"))
    f:write(doc:to_json{tokens = false})
    f:close()
  end
  local p = io.popen("python3 " .. SCORER .. " '" .. dir .. "/gold' '" .. tmp .. "' --json")
  local out = p:read("a")
  p:close()
  os.execute("rm -rf '" .. tmp .. "'")
  return support.json.decode(out)
end

describe("entity accuracy on the gold corpus", function()
  local dir = support.corpus_dir()
  local usable = dir and readable(SCORER) and have_python() and #gold_ids(dir) > 0
  if not usable then
    pending("needs ../shared/corpus, " .. SCORER .. " and python3")
    return
  end

  local result
  before_each(function()
    result = result or score(dir)
  end)

  it("has a span-and-type F1 of at least 0.95 on PERSON, ORG, GPE, LOC, NORP", function()
    assert.is_true(result.ent_core.f1 >= 0.95, "core F1 " .. result.ent_core.f1)
  end)

  it("has a span-and-type F1 of at least 0.90 over all types", function()
    assert.is_true(result.ent_all.f1 >= 0.90, "all-types F1 " .. result.ent_all.f1)
  end)

  it("has a canonical consistency of at least 0.97", function()
    assert.is_true(result.canonical_acc >= 0.97, "canonical " .. result.canonical_acc)
  end)
end)
