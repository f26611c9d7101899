-- spec/07-quotes_general_spec.lua: quote rules that must hold on news the
-- stage was not built on (doc/quotes.md): continuing speakers, partial
-- fragments in reported clauses, pronouns and gender, people named by
-- what they do, generic transcript labels, a government's 'we', and
-- clauses whose subject has no article.  Every passage is invented.

-- the shared quote harness (spec/support/quotes.lua)
local run_cases = require("spec.support.quotes").runner(it)

describe("a quote continuing the previous speaker", function()
  run_cases{
    {"the second half of a split quote keeps its speaker over a later paragraph's",
     "Nadia Hrytsenko waited at the pharmacy door. “We have no insulin left,” she " ..
     "said. “The deliveries stopped a week ago.”\n\n" ..
     "In Minsk, the Interior Ministry denied blocking the convoys.",
     {{text = "“We have no insulin left,”", canonical = "Nadia Hrytsenko"},
      {text = "“The deliveries stopped a week ago.”", kind = "direct",
       canonical = "Nadia Hrytsenko"}}},
    {"straight marks in wire copy, two speakers in one paragraph",
     "\"The bridge will reopen,\" the mayor, Ihor Terekhov, said on Tuesday. " ..
     "\"Every road will.\"",
     {{text = "\"The bridge will reopen,\"", canonical = "Ihor Terekhov"},
      {text = "\"Every road will.\"", canonical = "Ihor Terekhov"}}},
  }
end)

describe("a marked fragment inside a reported clause", function()
  run_cases{
    {"is partial, with the clause's speaker",
     "The commander said the soldiers were following the news “like everybody else.”",
     {{text = "the soldiers were following the news “like everybody else.”",
       kind = "indirect", speaker = "The commander"},
      {text = "“like everybody else.”", kind = "partial", speaker = "The commander"}}},
    {"an apposition before the cue and a place in the clause",
     "A medic who gave only her first name, Iryna, said the men in her unit were " ..
     "sleeping in shifts “when they sleep at all.”",
     {{text = "“when they sleep at all.”", kind = "partial", speaker = "A medic"}}},
  }
end)

describe("people named by what they do", function()
  run_cases{
    {"a common noun with a place after it is an unnamed speaker",
     "A teacher at the village school said classes had moved online.",
     {{text = "classes had moved online", kind = "indirect",
       speaker = "A teacher at the village school", anonymous = true}}},
    {"a plural group noun with a noun before it at the sentence start",
     "Aid groups warned that food and water were running out in the city.",
     {{text = "food and water were running out in the city", kind = "indirect",
       speaker = "Aid groups", anonymous = true}}},
    {"a tweet by a person named by a title",
     "\"We stand with Ukraine,\" the Estonian prime minister wrote on Twitter.",
     {{text = "\"We stand with Ukraine,\"", kind = "direct",
       speaker = "the Estonian prime minister", anonymous = true}}},
    {"a capitalised title after a nationality is an unnamed speaker",
     "The Moldovan President said yesterday that people should not panic.",
     {{text = "people should not panic", kind = "indirect",
       speaker = "The Moldovan President", anonymous = true}}},
    {"a pronoun goes to such a speaker, not to a person named earlier",
     "Marta Oliynyk, an economist, said prices would keep rising.\n\n" ..
     "A driver at the depot said fuel had run short. “We wait all night,” he said.",
     {{text = "fuel had run short", speaker = "A driver at the depot"},
      {text = "“We wait all night,”", speaker = "he", canonical = false,
       anonymous = true}}},
  }
end)

describe("pronouns and gender", function()
  run_cases{
    {"a person called 'she' is not the antecedent of 'he'",
     "Serhiy Lysenko, the town's mayor, said more buses were on the way.\n\n" ..
     "Tetiana Melnyk runs the shelter. “We have no beds left,” she said.\n\n" ..
     "Tetiana Melnyk pointed at the queue. “We need help now,” he said.",
     {{text = "more buses were on the way", canonical = "Serhiy Lysenko"},
      {text = "“We have no beds left,”", canonical = "Tetiana Melnyk"},
      {text = "“We need help now,”", canonical = "Serhiy Lysenko"}}},
  }
end)

describe("clauses whose subject has no article", function()
  run_cases{
    {"a plural noun and its verb",
     "Olha Savchenko said prices would keep rising.",
     {{text = "prices would keep rising", kind = "indirect",
       canonical = "Olha Savchenko"}}},
    {"a noun with a short phrase after it",
     "Olha Savchenko said prices in the region would keep rising.",
     {{text = "prices in the region would keep rising", kind = "indirect"}}},
    {"an object is not a clause",
     "Olha Savchenko said goodbye to her colleagues and announced sanctions on Monday.",
     {}, absent = {"goodbye to her colleagues", "sanctions on Monday"}},
    {"a noun after the cue with its own verb is no inverted speaker",
     "Halyna Bondar, a nurse, said the doctors in her ward were exhausted.",
     {{text = "the doctors in her ward were exhausted", kind = "indirect",
       canonical = "Halyna Bondar"}}},
  }
end)

describe("generic transcript labels", function()
  run_cases{
    {"give anonymous turns whose speaker is the label",
     "MODERATOR: Welcome to the panel.\n\nQ: Minister, will the talks continue?\n\n" ..
     "NOVAK: They will.\n\nOPERATOR: The next question is from the floor.\n\n" ..
     "PARTICIPANT: Thank you.",
     {{text = "Welcome to the panel.", speaker = "MODERATOR", canonical = false,
       anonymous = true},
      {text = "Minister, will the talks continue?", speaker = "Q", anonymous = true},
      {text = "The next question is from the floor.", speaker = "OPERATOR",
       anonymous = true},
      {text = "Thank you.", speaker = "PARTICIPANT", anonymous = true}}},
  }
end)

describe("a government's 'we'", function()
  run_cases{
    {"is the country a person's title names",
     "“We have told Moscow that we will respond,” U.S. Secretary of State " ..
     "Antony Blinken said.",
     {{text = "we will respond", kind = "indirect", speaker = "We",
       canonical = "United States"}}},
    {"is the government body a person's title names, through a pronoun",
     "Foreign Ministry spokeswoman Maria Zakharova spoke on Friday. “We told them " ..
     "that we would act,” she said.",
     {{text = "we would act", speaker = "We", canonical = "Foreign Ministry"}}},
    {"stays the person's when the title names no state",
     "“We have told Moscow that we will respond,” NATO Secretary General Jens " ..
     "Stoltenberg said.",
     {{text = "we will respond", speaker = "We", canonical = "Jens Stoltenberg"}}},
    {"is the body itself when a body speaks",
     "“We have told Moscow that we will respond,” the Foreign Ministry said.",
     {{text = "we will respond", speaker = "We", canonical = "Foreign Ministry"}}},
    {"'I' stays the person's",
     "Lithuanian President Gitanas Nauseda said: “I told him that I would not wait.”",
     {{text = "I would not wait", speaker = "I", canonical = "Gitanas Nauseda"}}},
  }
end)
