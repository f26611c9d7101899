-- The C host programs of examples/, built by `make` into the build tree
-- ($ANNOT_BUILD, default build): examples/annotate.c uses the C API with
-- no Lua, examples/embed_lua.c embeds Lua 5.4 and runs a script over files.
-- Their output must agree with the Lua API on the same files.

local annot = require "annot"
local support = require "spec.support"

local build = os.getenv("ANNOT_BUILD") or "build"
local sample = { "examples/corpus/01_wire_kyiv_buildup.txt",
                 "examples/corpus/02_state_briefing_transcript.txt" }

-- run a shell command; its standard output and whether it exited with 0
local function run(cmd)
  local p = assert(io.popen(cmd .. " 2>/dev/null"))
  local out = p:read("a")
  local ok = p:close()
  return out, ok == true
end

local read = support.read

-- the lines of 's', as a list
local function lines(s)
  local list = {}
  for l in s:gmatch("[^\n]+") do list[#list + 1] = l end
  return list
end

describe("examples/annotate.c (the C API without Lua)", function()
  it("prints each file's counts and the same JSON as doc:to_json", function()
    local out, ok = run(build .. "/annotate --no-tokens " .. table.concat(sample, " "))
    assert.is_true(ok)
    local l = lines(out)
    assert.equal(2 * #sample, #l)
    for i, path in ipairs(sample) do
      local doc = annot.annotate(read(path))
      local c = doc:counts()
      local header, json = l[2 * i - 1], l[2 * i]
      assert.truthy(header:find(path, 1, true))
      assert.truthy(header:find(c.tokens .. " tokens", 1, true))
      assert.truthy(header:find(c.sentences .. " sentences", 1, true))
      assert.truthy(header:find(c.quotes .. " quotes", 1, true))
      assert.equal(doc:to_json { tokens = false }, json)
      assert.equal(#read(path), support.json.decode(json).text_bytes)
    end
  end)

  it("fails with a message naming a file it cannot read", function()
    local p = assert(io.popen(build .. "/annotate /nonexistent/file.txt 2>&1"))
    local out = p:read("a")
    assert.is_falsy(p:close())
    assert.truthy(out:find("/nonexistent/file.txt", 1, true))
  end)
end)

describe("examples/embed_lua.c (a host embedding Lua 5.4)", function()
  it("runs the default script over files with the module loaded", function()
    local out, ok = run(build .. "/embed_lua " .. table.concat(sample, " "))
    assert.is_true(ok)
    for _, path in ipairs(sample) do
      local c = annot.annotate(read(path)):counts()
      local want = ("%s: %d tokens, %d sentences, %d paragraphs, %d mentions, %d quotes")
        :format(path, c.tokens, c.sentences, c.paragraphs, c.entities, c.quotes)
      assert.truthy(out:find(want, 1, true), "missing: " .. want)
    end
  end)

  it("runs a script given with -s, passing the files as arguments", function()
    local script = os.tmpname()
    local f = assert(io.open(script, "w"))
    f:write([[
local annot = require "annot"
for _, path in ipairs{...} do
  local h = assert(io.open(path, "rb"))
  local doc = annot.annotate(h:read("a"))
  h:close()
  print(path, #doc)
end
]])
    f:close()
    local out, ok = run(build .. "/embed_lua -s " .. script .. " " .. sample[1])
    os.remove(script)
    assert.is_true(ok)
    assert.equal(sample[1] .. "\t" .. #annot.annotate(read(sample[1])) .. "\n", out)
  end)

  it("reports a script's error and exits non-zero", function()
    local script = os.tmpname()
    local f = assert(io.open(script, "w"))
    f:write('error("deliberate failure")\n')
    f:close()
    local p = assert(io.popen(build .. "/embed_lua -s " .. script .. " x 2>&1"))
    local out = p:read("a")
    local ok = p:close()
    os.remove(script)
    assert.is_falsy(ok)
    assert.truthy(out:find("deliberate failure", 1, true))
  end)
end)
