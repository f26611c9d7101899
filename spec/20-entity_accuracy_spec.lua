-- spec/20-entity_accuracy_spec.lua: entity accuracy on the shared gold
-- corpus (../shared/corpus), scored by ../shared/tools/score.py.  Targets:
-- exact span-and-type F1 >= 0.95 on PERSON/ORG/GPE/LOC/NORP, >= 0.90 over
-- all types, canonical consistency >= 0.97.  Skips cleanly when the corpus,
-- the scorer or python3 is absent.

local support = require "spec.support"

describe("entity accuracy on the gold corpus", function()
  local dir = support.corpus_dir()
  if not dir or not support.scorer_ready() then
    pending("no ../shared/corpus, scorer or python3")
    return
  end

  local figures, err
  setup(function() figures, err = support.score(dir) end)

  it("has a span-and-type F1 of at least 0.95 on PERSON, ORG, GPE, LOC, NORP", function()
    assert(figures, err)
    assert.is_true(figures.ent_core.f1 >= 0.95, "core F1 " .. figures.ent_core.f1)
  end)

  it("has a span-and-type F1 of at least 0.90 over all types", function()
    assert(figures, err)
    assert.is_true(figures.ent_all.f1 >= 0.90, "all-types F1 " .. figures.ent_all.f1)
  end)

  it("has a canonical consistency of at least 0.97", function()
    assert(figures, err)
    assert.is_true(figures.canonical_acc >= 0.97, "canonical " .. figures.canonical_acc)
  end)
end)
