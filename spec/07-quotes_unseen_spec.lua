-- spec/07-quotes_unseen_spec.lua: quote rules taken from the kinds of error
-- found on unseen news (doc/quotes.md): colons inside turns and quotes,
-- 'what X called “…”' and 'call X Y', the outermost speaker of a partial
-- inside a nested clause, where an indirect span stops, trailing
-- attributions with an apposition, claim nouns after 'reject', groups
-- named by a nationality, bare titles as antecedents, descriptors before
-- an organisation, and pronouns that name no one.  Every passage is
-- invented.

-- the shared quote harness (spec/support/quotes.lua)
local run_cases = require("spec.support.quotes").runner(it)

describe("a colon after a speech clause inside a turn or a quote", function()
  run_cases{
    {"introduces a direct quote inside a transcript turn, speaker the turn's 'we'",
     "MS. OKAFOR: Thanks for coming. We tell our friends in the region: the " ..
     "border stays open as long as the ceasefire holds.\n\n" ..
     "QUESTION: And the minister?\n\n" ..
     "MS. OKAFOR: The minister put it bluntly: nobody wants another winter " ..
     "of shortages.\n",
     {{text = "the border stays open as long as the ceasefire holds.", kind = "direct",
       speaker = "We", canonical = "OKAFOR", cue = "tell"},
      {text = "nobody wants another winter of shortages.", kind = "direct",
       speaker = "The minister", cue = "put it"}},
     absent = {"the minister put it bluntly"}},
    {"introduces a direct quote inside marked words, up to the closing mark",
     "“I said it to them plainly: there will be no second chance,” Senator " ..
     "Maria Lindqvist told reporters.",
     {{text = "“I said it to them plainly: there will be no second chance,”",
       kind = "direct", canonical = "Maria Lindqvist"},
      {text = "there will be no second chance,", kind = "direct", speaker = "I",
       canonical = "Maria Lindqvist"}}},
    {"a label's own colon introduces nothing more",
     "MR. DAVIS: Good morning.\n\nQUESTION: Any news on the talks?\n",
     {{text = "Good morning.", kind = "direct"}},
     absent = {"Any news on the talks"}},
  }
end)

describe("'call' and a marked term", function()
  run_cases{
    {"'what she called “…”' is partial, hers",
     "Foreign Minister Elena Varga dismissed what she called “a festival of " ..
     "rumours” about the deal.",
     {{text = "“a festival of rumours”", kind = "partial", canonical = "Elena Varga",
       cue = "called"}}},
    {"a marked word inside the object of 'call' is the term rejected: scare",
     "Gazprom has called talk of a gas “blackmail” campaign Western propaganda.",
     {{text = "“blackmail”", kind = "scare", speaker = false},
      {text = "talk of a gas “blackmail” campaign Western propaganda",
       kind = "indirect", canonical = "Gazprom", cue = "called"}}},
    {"the marked predicate of 'call' is the speaker's: partial",
     "Britain has called the plan “reckless.”",
     {{text = "“reckless.”", kind = "partial", canonical = "United Kingdom"}}},
    {"a naming, a passive or a telephone call reports nothing",
     "The drills, called “Northern Shield,” start on Monday. The plan was " ..
     "called a success by some. Macron called Putin on Sunday evening.",
     {{text = "“Northern Shield,”", kind = "scare"}},
     absent = {"a success by some", "Putin on Sunday evening"}},
    {"'wrote on <platform> that' makes the marked words partial",
     "The company wrote on LinkedIn that it remained “fully committed” to the " ..
     "pipeline.",
     {{text = "it remained “fully committed” to the pipeline", kind = "indirect",
       speaker = "The company", cue = "wrote"},
      {text = "“fully committed”", kind = "partial", speaker = "The company"}}},
  }
end)

describe("a partial quote inside a clause reported inside another", function()
  run_cases{
    {"belongs to the outermost speaker",
     "A European diplomat said Paris had asked Rome to keep “every door open” " ..
     "for now.",
     {{text = "“every door open”", kind = "partial", speaker = "A European diplomat",
       anonymous = true}}},
  }
end)

describe("where an indirect span stops", function()
  run_cases{
    {"before the writer's ', as …'",
     "The defence minister said on Tuesday that the army would send more drones " ..
     "to Lithuania, as allies argued over the cost.",
     {{text = "the army would send more drones to Lithuania", kind = "indirect"}}},
    {"', as well as' stays inside",
     "The minister said the aid covered food, as well as medicine.",
     {{text = "the aid covered food, as well as medicine", kind = "indirect"}}},
    {"a trailing 'told' with an apposition: the clause before, the named person",
     "Talks with the rebels will resume next week, a government spokesman, " ..
     "Juan Perez, told a news conference.",
     {{text = "Talks with the rebels will resume next week", kind = "indirect",
       canonical = "Juan Perez", cue = "told"}},
     absent = {"a news conference"}},
  }
end)

describe("indirect speech found on unseen news", function()
  run_cases{
    {"'told <agency> that'",
     "Officials told Reuters that the convoy had crossed the border overnight.",
     {{text = "the convoy had crossed the border overnight", speaker = "Officials"}}},
    {"'<plural source> have insisted that'",
     "European leaders have insisted that the sanctions will stay in place.",
     {{text = "the sanctions will stay in place", speaker = "European leaders",
       anonymous = true}}},
    {"a group named by a nationality inside a question turn",
     "MR. DAVIS: Russia keeps its troops at the border.\n\n" ..
     "QUESTION: The Russian side says its drills are over. Do you believe them?\n",
     {{text = "its drills are over", kind = "indirect", speaker = "Russian side",
       canonical = "Russia"}}},
  }
end)

describe("'reject' and 'dismiss'", function()
  run_cases{
    {"rejecting an action is not speech; rejecting a claim is",
     "The Kremlin rejected the move. Moscow dismissed the accusation as " ..
     "baseless. Kyiv rejected reports of a retreat.",
     {{text = "the accusation as baseless", kind = "indirect", canonical = "Moscow"},
      {text = "reports of a retreat", kind = "indirect", canonical = "Kyiv"}},
     absent = {"the move"}},
  }
end)

describe("speakers", function()
  run_cases{
    {"a nationality's government is the country the document names",
     "Germany has paused the project. The German government said the pipeline " ..
     "would not open this year.",
     {{text = "the pipeline would not open this year", speaker = "German government",
       canonical = "Germany"}}},
    {"a pronoun after a bare title is the person who holds it",
     "Secretary of State Antony Blinken landed in Geneva to meet Sergei Lavrov. " ..
     "The Secretary spoke with Lavrov for two hours. He told the minister that " ..
     "Washington would answer in writing.",
     {{text = "Washington would answer in writing", speaker = "He",
       canonical = "Antony Blinken"}}},
    {"a named organisation after a descriptor is the speaker",
     "Gas would keep flowing, according to the pipeline operator Naftogaz.",
     {{text = "Gas would keep flowing", canonical = "Naftogaz", anonymous = false}}},
    {"a pronoun that names no one is no speaker; the cue stays",
     "“We will not back down,” she said.",
     {{text = "“We will not back down,”", kind = "direct", speaker = false,
       cue = "said"}}},
  }
end)
