"""Extraction lexicon, English: the reporting-verb table and the word lists of the English rules.

English verbs are matched as whole words, case-sensitively, anywhere outside quoted words; most
rows therefore show a counterexample inside a quote. To add a verb: one row in EN_VERBS.
"""

from __future__ import annotations

from .rows import ASK, OPPOSE, SAY, SUPPORT, ReportingVerb

ROLE_CONTINUES = "continues the previous speaker"  # ", adding that ..." / ", saying ...": the earlier verb's subject
ROLE_ADDRESSEE = "names an addressee"  # "told reporters (that) ...": the addressee comes before the content
ROLE_ACCUSES = "accuses"  # "accused X of 'holding ... hostage'": the content follows "of"
ROLE_TAKES_OBJECT = "takes an object"  # "reported the figures": without "that", an object, not a clause
ROLE_SIDES_WITH = "sides with a person"  # "sided with Chen", "backed the mayor": support for what they said
ROLE_ACCORDING_TO = "according to"  # "according to X, ..." / "..., according to X."


def _row(verb: str, kind: str, example: str, counterexample: str, *, stance: str = "", roles: tuple[str, ...] = (),
         **kw) -> ReportingVerb:
    return ReportingVerb(verb, kind, example, counterexample, lang="en", stance=stance, roles=frozenset(roles), **kw)


def _say(verb: str, example: str, counterexample: str, **kw) -> ReportingVerb:
    return _row(verb, SAY, example, counterexample, **kw)


_MODAL = ("not after a modal",)  # "did not say", "would claim": no report
_VERB_NOT_NOUN = ("a verb, not a plural noun",)  # "the report notes that" vs "the early states such as"

EN_VERBS: tuple[ReportingVerb, ...] = (
    _say("said", "The minister said the talks would resume in May.", '"I have said enough," she told reporters.'),
    _say("says", "The report says exports fell for a third month.", 'He laughed: "Nobody says that anymore."'),
    _say("say", "Officials say the bridge will reopen on Friday.", "He did not say when the bridge would reopen.",
         guards=_MODAL),
    _say("told", "The mayor told reporters the budget was balanced.", '"She told me nothing," he said.',
         roles=(ROLE_ADDRESSEE,)),
    _say("tells", "The coach tells his players to stay calm.", '"Everyone tells me that," she said.'),
    _say("added", "The spokesman added that no decision had been made.", '"We added two lanes," he said.'),
    _say("adds", "The statement adds that the plant will stay open.", '"It adds up," she said.'),
    _say("stated", "The court stated that the law was valid.", '"As I stated before, no," he said.'),
    _say("states", "The ministry states that prices will fall.", "Several Southern states such as Alabama voted.",
         guards=_VERB_NOT_NOUN),
    _say("declared", "The governor declared that the state was ready.", '"He declared war on waste," she said.'),
    _say("announced", "The company announced it would cut 500 jobs.", '"They announced nothing," he said.'),
    _say("warned", "The central bank warned that inflation could rise.", '"We warned them," she said.'),
    _say("warns", "The agency warns that storms are likely.", '"My doctor warns me," he said.'),
    _say("noted", "The analyst noted that demand was weak.", '"It was noted," she said.'),
    _say("notes", "The report notes that rents doubled.", "The senator's notes were found in a drawer.",
         guards=_VERB_NOT_NOUN),
    _say("wrote", "The senator wrote that the bill was flawed.", '"I wrote it myself," he said.'),
    _say("writes", "The author writes that the war was avoidable.", '"She writes well," he said.'),
    _say("tweeted", "The president tweeted that the deal was done.", '"He tweeted again," she said.'),
    _say("posted", "The actor posted that he was recovering.", '"They posted guards," he said.'),
    _say("explained", "The engineer explained that the cable had snapped.", '"I explained it twice," she said.'),
    _say("argued", "Lawyers argued that the search was illegal.", '"We argued all night," he said.'),
    _say("argues", "The union argues that wages are too low.", '"Nobody argues with that," she said.'),
    _say("claimed", "The group claimed it had hacked the site.", '"Nobody claimed the prize," he said.'),
    _say("claims", "The company claims the product is safe.", "His claims about the vote were false.",
         guards=(*_MODAL, *_VERB_NOT_NOUN)),
    _say("insisted", "The minister insisted that the plan was fair.", '"She insisted on paying," he said.'),
    _say("insists", "The club insists the coach will stay.", '"My mother insists," she said.'),
    _say("stressed", "The doctor stressed that the risk was small.", '"I am stressed," he said.'),
    _say("emphasised", "The envoy emphasised that talks must continue.", '"We emphasised safety," she said.'),
    _say("emphasized", "The general emphasized that troops would stay.", '"They emphasized it," he said.'),
    _say("acknowledged", "The bank acknowledged that errors were made.", '"He acknowledged me," she said.'),
    _say("admitted", "The driver admitted that he was speeding.", '"He was admitted to hospital," she said.'),
    _say("confirmed", "Police confirmed that two people were arrested.", '"Nothing is confirmed," he said.',
         stance=SUPPORT),
    _say("denied", "The embassy denied that the envoy had been expelled.", '"Access was denied," she said.',
         stance=OPPOSE),
    _row("rejected", OPPOSE, "The council rejected the proposal on Monday.", '"I was rejected twice," he said.',
         stance=OPPOSE),
    _say("urged", "The WHO urged countries to share data.", '"I urged caution," she said.'),
    _say("replied", "The minister replied that the figures were wrong.", '"Nobody replied," he said.'),
    _say("responded", "The company responded that it had followed the rules.", '"They never responded," she said.'),
    _say("continued", "The mayor continued that the city would recover.", '"The rain continued," he said.'),
    _say("remarked", "The judge remarked that the case was unusual.", '"Nobody remarked on it," she said.'),
    _say("observed", "The economist observed that prices had stabilised.", '"Birds were observed," he said.'),
    _say("predicted", "Analysts predicted that rates would fall.", '"Nobody predicted this," she said.'),
    _say("suggested", "The study suggested that sleep improves memory.", '"I suggested a walk," he said.'),
    _say("believes", "The minister believes the economy will grow.", '"She believes in luck," he said.'),
    _say("believed", "The police believed the fire was arson.", '"Nobody believed me," she said.'),
    _say("contended", "The defence contended that the witness lied.", '"We contended with floods," he said.'),
    _say("asserted", "The governor asserted that the vote was fair.", '"He asserted himself," she said.'),
    _say("maintained", "The company maintained that it had done nothing wrong.", '"The road is maintained," he said.'),
    _say("conceded", "The candidate conceded that the race was close.", '"They conceded a goal," she said.'),
    _say("recalled", "The veteran recalled that the winter was harsh.", '"The cars were recalled," he said.'),
    _say("cautioned", "The regulator cautioned that risks remained.", '"I was cautioned," she said.'),
    _say("complained", "Residents complained that the noise was constant.", '"Nobody complained," he said.'),
    _say("countered", "The minister countered that the data were old.", '"He countered the punch," she said.'),
    _say("vowed", "The president vowed that the attackers would be caught.", '"We vowed to return," he said.'),
    _say("pledged", "The donors pledged that aid would arrive.", '"They pledged money," she said.'),
    _say("promised", "The mayor promised that the park would reopen.", '"You promised," he said.'),
    _say("announces", "The ministry announces that schools will open.", '"The bell announces lunch," she said.'),
    _say("thinks", "The coach thinks the team can win.", '"He thinks too much," she said.'),
    _say("thought", "The minister thought the deal was fair.", '"I thought so," he said.'),
    _say("reiterated", "The spokesman reiterated that the border stays closed.", '"She reiterated it," he said.'),
    _say("disclosed", "The firm disclosed that it had been hacked.", '"Nothing was disclosed," she said.'),
    _say("revealed", "The audit revealed that funds were missing.", '"All was revealed," he said.'),
    _say("reported", "The agency reported that exports rose.", '"It was reported late," she said.',
         roles=(ROLE_TAKES_OBJECT,)),
    _say("reports", "The newspaper reports that the minister will resign.", "News reports said the talks failed.",
         guards=_VERB_NOT_NOUN),
    _say("estimated", "The bank estimated that growth slowed.", '"The cost is estimated," she said.'),
    _say("concluded", "The inquiry concluded that the crash was avoidable.", '"The show concluded," he said.'),
    _say("agreed", "The minister agreed that the plan needed work.", '"We agreed to meet," she said.',
         stance=SUPPORT, roles=(ROLE_SIDES_WITH,)),
    _row("dismissed", OPPOSE, "The minister dismissed the report as rumour.", '"The class was dismissed," he said.',
         stance=OPPOSE),
    _row("blasted", OPPOSE, "The senator blasted the decision.", '"The radio blasted music," she said.',
         stance=OPPOSE),
    _row("criticised", OPPOSE, "The union criticised the plan.", '"I was criticised," he said.', stance=OPPOSE),
    _row("criticized", OPPOSE, "The senator criticized the ruling.", '"She was criticized," he said.',
         stance=OPPOSE),
    _say("accused", "The opposition accused the government of lying.", '"The accused was freed," she said.',
         roles=(ROLE_ACCUSES,)),
    _say("alleged", "Prosecutors alleged that the money was laundered.", '"The alleged theft," he said.'),
    _say("boasted", "The coach boasted that his team was unbeaten.", '"He boasted a lot," she said.'),
    _say("hinted", "The minister hinted that taxes would rise.", '"She hinted at it," he said.'),
    _say("signalled", "The bank signalled that rates would stay high.", '"The driver signalled," she said.'),
    _say("signaled", "The Fed signaled that cuts were coming.", '"He signaled left," she said.'),
    _say("adding", "The mayor praised the crews, adding that roads were clear.", '"Keep adding salt," she said.',
         roles=(ROLE_CONTINUES,)),
    _say("saying", "The minister left early, saying the talks had failed.", '"Stop saying that," he said.',
         roles=(ROLE_CONTINUES,)),
    # questions: never statements
    _row("asked", ASK, 'The reporter asked: "When will the report come out?"', '"Nobody asked me," she said.'),
    _row("asks", ASK, 'The senator asks: "Who pays for this?"', '"She always asks," he said.'),
    _row("wondered", ASK, "The mayor wondered whether the money would come.", '"I wondered," he said.'),
    _row("queried", ASK, "The auditor queried the figures.", '"She queried it," he said.'),
    _row("questioned", ASK, "The judge questioned the witness.", '"I was questioned," he said.'),
    # stance verbs: agreement
    _row("agrees", SUPPORT, "The mayor agrees with the governor's plan.", '"Nobody agrees," he said.',
         stance=SUPPORT, roles=(ROLE_SIDES_WITH,)),
    _row("supported", SUPPORT, "The union supported the mayor.", '"They supported me," she said.', stance=SUPPORT,
         roles=(ROLE_SIDES_WITH,)),
    _row("supports", SUPPORT, "The party supports the minister's proposal.", '"She supports the team," he said.',
         stance=SUPPORT, roles=(ROLE_SIDES_WITH,)),
    _row("welcomed", SUPPORT, "Business groups welcomed the decision.", '"We were welcomed," she said.',
         stance=SUPPORT),
    _row("welcomes", SUPPORT, "The union welcomes the announcement.", '"The city welcomes you," he said.',
         stance=SUPPORT),
    _row("endorsed", SUPPORT, "The senator endorsed the governor.", '"She endorsed the cheque," he said.',
         stance=SUPPORT, roles=(ROLE_SIDES_WITH,)),
    _row("endorses", SUPPORT, "The newspaper endorses the mayor.", '"He endorses sneakers," she said.',
         stance=SUPPORT, roles=(ROLE_SIDES_WITH,)),
    _row("backed", SUPPORT, "The council backed the Port Authority.", '"He backed the car out," she said.',
         stance=SUPPORT, roles=(ROLE_SIDES_WITH,)),
    _row("backs", SUPPORT, "The party backs the minister.", '"She backs up files," he said.', stance=SUPPORT,
         roles=(ROLE_SIDES_WITH,)),
    _row("confirms", SUPPORT, "The data confirms the minister's claim.", '"The test confirms it," he said.',
         stance=SUPPORT),
    _row("praised", SUPPORT, "The mayor praised the firefighters.", '"I was praised," she said.', stance=SUPPORT),
    _row("hailed", SUPPORT, "The minister hailed the agreement.", '"We hailed a taxi," he said.', stance=SUPPORT),
    _row("sided", SUPPORT, "The court sided with Chen.", '"They sided together," she said.', stance=SUPPORT,
         roles=(ROLE_SIDES_WITH,)),
    _row("applauded", SUPPORT, "The union applauded the decision.", '"The crowd applauded," he said.',
         stance=SUPPORT),
    _row("defended", SUPPORT, "The minister defended the governor.", '"We defended well," she said.',
         stance=SUPPORT, roles=(ROLE_SIDES_WITH,)),
    # stance verbs: rejection
    _row("denies", OPPOSE, "The company denies the allegations.", '"He denies himself nothing," she said.',
         stance=OPPOSE),
    _row("rejects", OPPOSE, "The union rejects the offer.", '"The machine rejects coins," he said.', stance=OPPOSE),
    _row("dismisses", OPPOSE, "The minister dismisses the claims.", '"The teacher dismisses us," she said.',
         stance=OPPOSE),
    _row("disputed", OPPOSE, "The ministry disputed the figures.", '"The border is disputed," he said.',
         stance=OPPOSE),
    _row("disputes", OPPOSE, "The company disputes the report.", '"Neighbours have disputes," she said.',
         stance=OPPOSE),
    _row("refuted", OPPOSE, "The scientist refuted the claim.", '"It was refuted," he said.', stance=OPPOSE),
    _row("refutes", OPPOSE, "The agency refutes the allegation.", '"Nobody refutes it," she said.', stance=OPPOSE),
    _row("rebuffed", OPPOSE, "The president rebuffed the offer.", '"I was rebuffed," he said.', stance=OPPOSE),
    _row("rebuffs", OPPOSE, "The board rebuffs the bid.", '"She rebuffs everyone," he said.', stance=OPPOSE),
    _row("condemned", OPPOSE, "The UN condemned the attack.", '"The building was condemned," she said.',
         stance=OPPOSE),
    _row("condemns", OPPOSE, "The church condemns the violence.", '"History condemns us," he said.', stance=OPPOSE),
    _row("contradicted", OPPOSE, "The minister contradicted the mayor.", '"I was contradicted," she said.',
         stance=OPPOSE),
    _row("contradicts", OPPOSE, "The data contradicts the minister's statement.", '"He contradicts himself," she said.',
         stance=OPPOSE),
    _row("opposed", OPPOSE, "Residents opposed the plan.", '"Nobody opposed it," he said.', stance=OPPOSE),
    _row("opposes", OPPOSE, "The party opposes the bill.", '"She opposes everything," he said.', stance=OPPOSE),
    _row("slammed", OPPOSE, "The senator slammed the decision.", '"He slammed the door," she said.', stance=OPPOSE),
    _row("ridiculed", OPPOSE, "Critics ridiculed the proposal.", '"I was ridiculed," he said.', stance=OPPOSE),
    _row("scoffed", OPPOSE, "The minister scoffed at the idea.", '"They scoffed," she said.', stance=OPPOSE),
    # a source phrase, matched in any case
    _say("according to", "According to the ministry, exports fell by 3%.",
         '"Everything went according to plan," he said.', ignore_case=True, roles=(ROLE_ACCORDING_TO,)),
)
EN_VERB = {row.verb: row for row in EN_VERBS}

# Nouns that stand for something said ("the claim", "his remarks", "the decision").
CLAIM_NOUNS = ("claim", "claims", "statement", "statements", "remarks", "remark", "comments",
               "comment", "proposal", "proposals", "suggestion", "idea", "plan", "accusation",
               "accusations", "allegation", "allegations", "report", "reports", "assertion",
               "warning", "warnings", "criticism", "concerns", "concern", "notion", "charge", "charges",
               "view", "views", "assessment", "position", "offer", "demand", "demands", "call",
               "decision", "move", "announcement", "measure", "measures", "ruling", "account",
               "forecast", "estimate", "figures", "argument", "arguments", "policy", "bill",
               "version", "characterization", "characterisation", "suggestions", "ideas", "plans",
               "proposals", "decisions", "findings", "conclusion", "narrative")
# Function words left out when two English sentences are compared by their content words.
STOP_WORDS = frozenset((
    "the a an and or but of to in on at for with by from that this these those it its was were is are be been had has "
    "have will would could should may might not no he she they we i you his her their our city state").split()) | {""}

# Speech acts a learned attribution's cue must hold one of (as the start of a word: "declar" is declare,
# declared, declares, declaring). The tagger also marks what people did or thought ("voted for",
# "endorsed", "seemed", "showed"): those are not statements.
SPEECH_STEMS = (
    "say", "said", "tell", "told", "add", "according", "writ", "wrote", "ask", "call", "report", "note", "noting",
    "announc", "continu", "suggest", "tweet", "argu", "describ", "found", "find", "accus", "explain", "critici",
    "declar", "respond", "respons", "acknowledg", "conclu", "agree", "point", "urg", "warn", "stated", "stating",
    "states", "expressed", "promis", "recall", "propos", "claim", "vow", "repl", "cite", "citing", "praise",
    "praising", "insist", "defend", "reveal", "pledg", "question", "post", "attack", "reject", "charg", "blast",
    "den", "predict", "confirm", "indicat", "admit", "blam", "dismiss", "mention", "assur", "mock", "echo",
    "complain", "assert", "publish", "repeat", "reiterat", "listed", "encourag", "boast", "brag", "pressed", "remark",
    "challeng", "conced", "quip", "jok", "lament", "slam", "testif", "threat", "tout", "demand", "emphas", "stress",
    "hint", "contend", "maintain", "counter", "decr", "condemn", "disclos", "alleg", "quot", "recount", "email",
    "shout", "yell", "chant", "label", "dub", "characteri", "comment", "answer", "inform", "advis", "recommend",
    "speculat", "estimat", "forecast", "caution", "scoff", "rebuk", "scold", "chid", "applaud", "laud", "hail",
    "welcom", "exclaim", "interject", "mus", "surmis", "elaborat", "clarif", "outlin", "detail", "cried", "plead",
    "protest", "disput", "rebut", "proclaim", "affirm", "retort", "fume", "bemoan", "guarant", "swear", "swore",
    "told", "thank", "observ", "reason", "wonder", "concern", "criticism", "statement", "remarks", "comments",
    ":",
)
