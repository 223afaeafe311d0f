import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

TUE, WED = "2025-08-12", "2025-08-13"
SP = {
    "delgado": ["Rosa Delgado", "Delgado", "Mayor Rosa Delgado", "@MayorRosaDelgado", "MayorRosaDelgado"],
    "pierce": ["Alan Pierce", "Pierce", "Commissioner Alan Pierce", "@CommrAlanPierce", "CommrAlanPierce"],
    "office": ["Delgado's office", "mayor's office", "Rosa Delgado", "Delgado"],
    "lindqvist": ["Greg Lindqvist", "Lindqvist", "Sen. Greg Lindqvist", "@SenLindqvist", "SenLindqvist"],
    "hale": ["Victor Hale", "Hale", "Councilman Victor Hale"],
    "benson": ["Carla Benson", "Benson"],
    "coalition": ["Harlow Commuters Coalition", "@HarlowCommuters", "HarlowCommuters"],
    "usdot": ["U.S. Department of Transportation", "Department of Transportation", "USDOT"],
    "fhwa": ["Federal Highway Administration", "FHWA"],
}
X = ["X"]
st = [
    S("s01", "delgado", "Mayor Rosa Delgado", "state transportation officials of ignoring years of warnings", "indirect", None, optional=True, note="nominal 'accusing X of ...' in the lede"),
    S("s02", "pierce", "", "the city had \"sat on\" repair money", "indirect", None, note="lede: 'the state's top road official firing back that ...' (= Pierce); same claim as his post s04"),
    S("s03", "delgado", "Rosa Delgado", "We warned the state in 2019, in 2021 and again last spring. Every inspection said the same thing. Harlow families are now paying for years of delay. The state owns this bridge and the state must fix it. Now.", "direct", TUE, via=X, note="embedded post; signature line names the speaker after the text"),
    S("s04", "pierce", "Commissioner Alan Pierce", "The City of Harlow received $4.2 million for this bridge in 2022 and has not spent it. Happy to talk about delays. Let's start there.", "direct", TUE, via=X, note="embedded reply post"),
    S("s05", "pierce", "Pierce", "the money had been set aside for design work that the city never put out to bid", "indirect", WED, note="In an interview on Wednesday, Pierce said"),
    S("s06", "pierce", "he", "I'm not interested in a Twitter war,", "direct", WED),
    S("s07", "pierce", "he", "I'm interested in a bridge.", "direct", WED),
    S("s08", "pierce", "He", "state crews could install temporary steel supports within six weeks, which would allow the bridge to reopen to cars, though not to trucks, by the end of September", "indirect", WED, note="He added that"),
    S("s09", "delgado", "Delgado", "the city had sat on the funds", "indirect", None, note="content of a denial ('denied that ...'); stance t1"),
    S("s10", "delgado", "She", "the $4.2 million was released by the state only in March 2024 and that the design contract was awarded in June", "indirect", None, note="told the Ledger (this outlet, so no via)"),
    S("s11", "delgado", "she", "The commissioner knows that, or he should,", "direct", None),
    S("s12", "office", "", "Receipts, since someone asked,", "direct", None, via=["Bluesky"], note="'the post read' = Delgado's office"),
    S("s13", "lindqvist", "Sen. Greg Lindqvist", "She's right. The state owns it. The state fixes it. Nobody in Harlow cares whose spreadsheet is wrong.", "direct", WED, via=X, note="quote-post of s03; 'She' is Delgado, inside the content"),
    S("s14", "lindqvist", "Lindqvist", "he would ask the Senate transportation committee to hold a hearing on bridge inspections before the end of the month", "indirect", WED),
    S("s15", "lindqvist", "he", "We have 140 bridges in this state rated poor,", "direct", WED),
    S("s16", "lindqvist", "he", "Harlow is just the one that made the news.", "direct", WED),
    S("s17", "hale", "Councilman Victor Hale", "the city had been \"slow at every step\" and that residents deserved an apology from both sides", "indirect", None),
    S("s18", "hale", "Hale", "The mayor is right that the state dragged its feet,", "direct", None, note="quote split by the tag"),
    S("s19", "hale", "Hale", "but City Hall did too.", "direct", None, note="second half of the split quote"),
    S("s20", "pierce", "Pierce", "political theater", "direct", TUE, via=["X", "Harlow Commuters Coalition"], note="deleted post, known from screenshots shared by the coalition ('according to')"),
    S("s21", "benson", "Carla Benson", "the post \"did not reflect the commissioner's tone\" and was removed by staff", "indirect", None, note="A department spokeswoman, Carla Benson, said"),
    S("s22", "coalition", "Harlow Commuters Coalition", "Our members don't need a timeline. They need a bridge. Stop posting, start fixing. Day 6 of the closure and the detour still has no…", "direct", WED, via=X, note="embedded post truncated with an ellipsis"),
    S("s23", "delgado", "she", "The state owns this bridge, and the state must fix it,", "direct", WED, note="repeated at the Wednesday news conference"),
    S("s24", "delgado", "she", "the city would \"take any help that gets cars moving\" but would keep pushing for a full replacement", "indirect", WED, note="answer after 'Asked whether ...' (question not a statement)"),
    S("s25", "usdot", "U.S. Department of Transportation", "the state was eligible to apply for federal emergency relief funds, and that the department had not yet received an application", "indirect", None, note="A spokesperson for ... said in an email"),
    S("s26", "pierce", "Pierce", "an application would be filed within days", "indirect", WED),
    S("s27", "fhwa", "Federal Highway Administration", "the Harlow River Bridge had been rated in poor condition since 2018", "indirect", None, note="According to the ... inventory"),
]
stances = [
    T("t1", "delgado", "oppose", ["s02", "s04"], "Delgado denied that the city had sat on the funds"),
    T("t2", "lindqvist", "support", ["s03"], "sided with the mayor"),
    T("t3", "hale", "oppose", ["s03", "s10"], "Not everyone agreed with the mayor's account"),
    T("t4", "benson", "oppose", ["s20"], "did not reflect the commissioner's tone"),
]
same = [
    (["s03", "s23", "s13"], "the state owns the bridge and must fix it (post, quote-post, news conference)"),
    (["s02", "s04"], "the city sat on / has not spent the $4.2 million"),
]
neg = ["Asked whether she would accept the commissioner's offer of temporary supports"]
build("ledger-2025-08-14-bridge-posts", published="2025-08-14", outlet="Harlow Ledger", author="Jenna Ruiz",
      language="en", speakers=SP, statements=st, stances=stances, same_claim=same, negatives=neg)
