import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

D, MON, SUN = "2025-03-11", "2025-03-10", "2025-03-09"
SP = {
    "rojas": ["Camila Rojas", "Rojas", "Mining Minister Camila Rojas", "Chile's mining minister"],
    "draft": ["draft royalty bill", "draft", "a draft seen by Meridian Wire"],
    "andes": ["Andes Lithium", "Andes Lithium Corp", "Andes Lithium spokeswoman"],
    "keller": ["Martin Keller", "Keller"],
    "finmin": ["Finance Ministry spokesman", "Finance Ministry", "Chile's Finance Ministry"],
    "bravo": ["Ignacio Bravo", "Bravo", "Senator Ignacio Bravo"],
    "fuentes": ["Claudio Fuentes", "Fuentes"],
    "ibanez": ["Teresa Ibanez", "Ibanez", "Teresa Ibáñez"],
    "latercera": ["La Tercera"],
    "paredes": ["Luis Paredes", "Paredes"],
    "cochilco": ["Chilean Copper Commission", "Cochilco"],
    "official": ["government official", "Chilean government official", "a government official"],
}
st = [
    S("s01", "rojas", "", "Chile to press ahead with lithium royalty hike", "indirect", D, optional=True, note="headline, 'minister says'"),
    S("s02", "rojas", "Camila Rojas", "Chile will press ahead with a plan to raise royalties on lithium producers despite warnings that the move could delay billions of dollars in investment", "indirect", D, note="post-posed: ..., Mining Minister Camila Rojas said on Tuesday"),
    S("s03", "rojas", "Rojas", "We are not going to renegotiate the country's future behind closed doors,", "direct", D, note="told reporters; span is everything inside the marks, trailing comma included"),
    S("s04", "rojas", "Rojas", "The royalty bill will go to Congress this month, as we promised.", "direct", D, note="floating second quote, same speaker"),
    S("s05", "draft", "draft", "The proposal would raise the top royalty rate on lithium sales to 40% from 32% when prices exceed $20,000 per tonne", "indirect", None, note="according to a draft seen by Meridian Wire (document as source)"),
    S("s06", "andes", "Andes Lithium Corp", "the plan would \"undermine the stability that long-term investors depend on\" and that it was reviewing its expansion plans in the Atacama salt flat", "indirect", None, note="said in a statement; embedded partial quote not separate"),
    S("s07", "keller", "Martin Keller", "the company had \"no choice but to look at every option,\" including shifting part of a planned $1.2 billion investment to Argentina", "indirect", MON, via=["Bloomberg Television"], note="told Bloomberg Television on Monday"),
    S("s08", "keller", "Keller", "the company was threatening to leave Chile", "indirect", None, note="content of a denial ('denied that ...'): Keller says this is NOT so; kept as a statement, no stance"),
    S("s09", "keller", "he", "This is not a threat. It's arithmetic,", "direct", None),
    S("s10", "keller", "he", "At 40%, a new plant in the Atacama simply does not pay back inside 15 years.", "direct", None, note="second quote after 'he said.'"),
    S("s11", "rojas", "she", "We have heard the same thing every time royalties have been discussed, and the investment has always come,", "direct", D, note="she said = Rojas (Tuesday briefing implied)"),
    S("s12", "rojas", "she", "Chile's reserves and port infrastructure remained unmatched in the region", "indirect", D, note="adding that"),
    S("s13", "rojas", "Rojas", "What investors need,", "direct", D, optional=True, note="first fragment of a quote split by the tag; not a claim on its own"),
    S("s14", "rojas", "Rojas", "is a clear rule that does not change every two years. That is what this bill gives them.", "direct", D, note="second part of the split quote"),
    S("s15", "finmin", "Finance Ministry spokesman", "projections showed the higher rate would raise about $450 million a year at current prices", "indirect", None, note="A Finance Ministry spokesman said"),
    S("s16", "finmin", "He", "the ministry was open to dialogue", "indirect", None, note="saying only that; 'declined to say whether...' is not a statement"),
    S("s17", "bravo", "Ignacio Bravo", "a tax on success", "direct", None, note="rejected the proposal, calling it \"...\""),
    S("s18", "bravo", "Bravo", "The minister is gambling with jobs in the north,", "direct", None, via=["Cooperativa"], note="told radio station Cooperativa"),
    S("s19", "bravo", "He", "his party would present an alternative bill linking any increase to new production", "indirect", None, via=["Cooperativa"]),
    S("s20", "fuentes", "Fuentes", "For 30 years the companies have told us to wait. We agree with the minister: the royalty is fair, and it is overdue,", "direct", None, note="said in a telephone interview"),
    S("s21", "ibanez", "Teresa Ibanez", "The market will grumble, but the economics of Chilean brine are still among the best in the world,", "direct", None, note="inverted tag: said Teresa Ibanez, an analyst at ..."),
    S("s22", "ibanez", "She", "the bigger risk for investors was slow environmental permitting, not the tax rate", "indirect", None, note="She added that"),
    S("s23", "latercera", "La Tercera", "the ministry had considered a lower rate of 36% before settling on 40%", "indirect", SUN, note="newspaper as source, reported on Sunday"),
    S("s24", "rojas", "she", "That figure was never on the table,", "direct", D, note="after 'Rojas denied the report on Tuesday.'"),
    S("s25", "paredes", "Luis Paredes", "Our door is open,", "direct", None, via=["CNN en Espanol"], note="told CNN en Espanol"),
    S("s26", "paredes", "Luis Paredes", "several Chilean-based companies had already made enquiries", "indirect", None, via=["CNN en Espanol"], note="adding that"),
    S("s27", "andes", "Andes Lithium", "the company had not made any formal request to Argentine authorities", "indirect", None, note="An Andes Lithium spokeswoman said"),
    S("s28", "andes", "she", "Reviewing options is not the same as moving,", "direct", None),
    S("s29", "cochilco", "Chilean Copper Commission", "lithium exports rose 12% last year to $7.9 billion, making the metal the country's second-largest export after copper", "indirect", None, note="According to ..."),
    S("s30", "official", "government official", "the presidency had signed off on the 40% rate last week", "indirect", None, note="anonymous official; Boric is mentioned but does not speak"),
]
stances = [
    T("t1", "rojas", "oppose", ["s06", "s07"], "Rojas dismissed the warning"),
    T("t2", "bravo", "oppose", ["s02", "s05"], "rejected the proposal"),
    T("t3", "fuentes", "support", ["s02", "s04"], "backed the government / We agree with the minister"),
    T("t4", "rojas", "oppose", ["s23"], "Rojas denied the report on Tuesday"),
]
same = [(["s06", "s07"], "Andes Lithium is reviewing its expansion / looking at every option")]
neg = ["He declined to say whether the government would accept amendments in Congress"]
build("wire-2025-03-11-chile-lithium-royalty", published=D, outlet="Meridian Wire", author="Daniela Soto, Mark Whitfield",
      language="en", speakers=SP, statements=st, stances=stances, same_claim=same, negatives=neg)
