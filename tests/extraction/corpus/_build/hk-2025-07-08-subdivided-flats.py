import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

D = "2025-07-08"
SP = {
    "lee": ["John Lee", "John Lee Ka-chiu", "李家超", "特首", "特首李家超", "行政長官", "行政長官李家超", "行政长官", "Chief Executive"],
    "legislators": ["有議員", "議員", "立法會議員", "legislators", "梁美琪"],
    "ho": ["Winnie Ho", "何永賢", "何永贤", "房屋局局長", "房屋局局长", "Secretary for Housing"],
    "leung": ["梁美琪", "Leung Mei-kei"],
    "wong": ["黃梓浩", "黄梓浩", "Wong Tsz-ho"],
    "source": ["政府消息人士", "消息人士", "government source"],
    "hb": ["房屋局發言人", "房屋局发言人", "房屋局", "Housing Bureau", "Housing Bureau spokesperson"],
    "tang": ["鄧志明", "邓志明", "Tang Chi-ming", "香港小型業主聯會"],
    "chan": ["陳穎欣", "陈颖欣", "Chan Wing-yan", "關注草根住屋聯席"],
    "law": ["羅家軒", "罗家轩", "Law Ka-hin"],
}
MP = ["Ming Pao"]
FB = ["Facebook"]
st = [
    S("s01", "lee", "李家超", "簡樸房過渡期不延長", "direct", D, optional=True, note="headline"),
    S("s02", "lee", "李家超", "政府不會延長「簡樸房」規管的過渡期", "indirect", D, note="今日（8日）...表示; 「簡樸房」 is a term"),
    S("s03", "lee", "李家超", "未能在限期前完成登記的劏房業主將面臨檢控", "indirect", D, note="又指 (chained, subject kept)"),
    S("s04", "legislators", "有議員", "政府配套不足，擔心大批租戶被迫遷出後無處容身", "indirect", None, note="有議員批評 in the lede (summary of 梁美琪 below)"),
    S("s05", "lee", "李家超", "規管劏房是「還市民一個有尊嚴的居所」的重要一步，政府已預留足夠時間讓業主申請認證", "indirect", D, note="稱"),
    S("s06", "lee", "他", "過渡期已經有足足十二個月，業主有充分時間做好改善工程。如果再延長，對一直喺惡劣環境生活嘅租戶並不公平。", "direct", D, note="written Cantonese inside the quote"),
    S("s07", "lee", "李家超", "以拖待變", "direct", D, after="李家超批評部分人「", note="批評部分人「...」; the same words reappear in 鄧志明's rebuttal"),
    S("s08", "lee", "他", "政府會以人為本的方式執法，初期會以勸喻為主，但對屢勸不改者不會手軟", "indirect", D, note="他強調"),
    S("s09", "ho", "何永賢", "截至上月底，當局已收到約2.1萬宗認證申請，當中約六成已完成審批", "indirect", D, note="補充說; title run 房屋局局長"),
    S("s10", "ho", "她", "房屋署會為受影響租戶優先編配過渡性房屋", "indirect", D, note="她指出"),
    S("s11", "ho", "她", "沒有人會因為規管而流落街頭", "direct", D),
    S("s12", "leung", "梁美琪", "數字好看、現實難看", "direct", None, note="批評政府「...」"),
    S("s13", "leung", "她", "不少租戶反映業主已藉機加租兩至三成，過渡性房屋的輪候時間亦遠較政府所講的長", "indirect", None, note="她稱 (租戶反映 is nested hearsay, not a separate statement)"),
    S("s14", "leung", "", "局長話冇人流落街頭，但我哋前線收到嘅求助個案，每個星期都有增加。", "direct", None, note="floating quote, inherits 梁美琪; 局長話 is a nested paraphrase of s11, not annotated separately"),
    S("s15", "leung", "梁美琪", "政府應設立租金升幅的緩衝機制，防止業主把改善工程的成本轉嫁租戶", "indirect", None, note="並指"),
    S("s16", "wong", "他", "延長過渡期只會令問題拖得更久", "indirect", None, note="他認為 = 黃梓浩"),
    S("s17", "wong", "他", "規管越遲落實，受苦嘅租戶越多", "direct", None),
    S("s18", "wong", "黃梓浩", "政府可考慮向完成改善工程的小業主提供一次性資助，減輕他們的負擔", "indirect", None, note="同時指出"),
    S("s19", "source", "政府消息人士", "當局正研究在明年初推出第二階段規管，將單位面積下限由8平方米提高至10平方米，但具體方案仍未拍板", "indirect", None, via=MP, note="據《明報》報道，有政府消息人士透露"),
    S("s20", "source", "消息人士", "政府「不排除」就部分舊樓給予彈性處理", "indirect", None, via=MP, note="報道又引述消息人士稱"),
    S("s21", "hb", "房屋局發言人", "政府會因應第一階段的實施情況檢討規管標準，現階段未有既定方案", "indirect", None, note="回覆本報查詢時表示"),
    S("s22", "tang", "鄧志明", "業主並非「以拖待變」，而是認可人士及承建商供不應求", "indirect", None, note="反駁...，稱"),
    S("s23", "tang", "鄧志明", "唔係我哋唔想做，係根本搵唔到人做", "direct", None, note="written Cantonese"),
    S("s24", "tang", "他", "全港仍有數以千計的單位未能趕及在限期前完成工程", "indirect", None, note="他估計"),
    S("s25", "chan", "陳穎欣", "雷聲大、雨點小", "direct", None, note="形容...「...」"),
    S("s26", "chan", "她", "過去半年聯席接獲的租戶求助個案中，逾半涉及業主拒絕提供租約或收據", "indirect", None, note="她指出"),
    S("s27", "chan", "她", "如果政府唔主動巡查，租戶根本唔敢投訴", "direct", None),
    S("s28", "lee", "他", "未來五年公營房屋落成量將達到約19萬個，較過去五年大幅增加", "indirect", D, note="他稱 = 李家超"),
    S("s29", "lee", "他", "輪候時間一定會縮短，這是有數據支持的", "direct", D),
    S("s30", "law", "羅家軒", "規管方向正確，但政府低估了市場的連鎖反應", "indirect", None, note="分析"),
    S("s31", "law", "他", "當合規單位供應收緊，租金上升幾乎是必然的，政府需要同步增加過渡性房屋，否則只是把問題轉移。", "direct", None),
    S("s32", "lee", "李家超", "簡樸房過渡期「不會延長」", "indirect", D, via=FB, note="Facebook post, 重申，clause with an embedded quote (same claim as s02)"),
    S("s33", "lee", "李家超", "業主盡快完成登記", "indirect", D, via=FB, note="呼籲 in the same post"),
    S("s34", "ho", "何永賢", "社會福利署已有機制為有需要人士提供援助，當局會檢視是否需要加強支援", "indirect", D, note="answer to a reporter's question (question not a statement)"),
]
stances = [
    T("t1", "wong", "support", ["s02", "s06"], "則表示支持政府按原定時間表實施"),
    T("t2", "tang", "oppose", ["s07"], "反駁李家超的說法"),
    T("t3", "leung", "oppose", ["s11", "s09"], "批評政府「數字好看、現實難看」 / 局長話冇人流落街頭，但"),
    T("t4", "chan", "oppose", ["s08"], "政府的執法安排「雷聲大、雨點小」"),
    T("t5", "law", "support", ["s05"], "規管方向正確"),
]
same = [(["s02", "s32"], "transition period will not be extended (press remarks and Facebook post)")]
neg = ["簡樸房條例", "會否押後實施", "政府會否為被迫遷出的租戶提供搬遷津貼", "多名議員已提出動議"]
build("hk-2025-07-08-subdivided-flats", published=D, outlet="港聞日報", author="蔡詠琪",
      language="zh-Hant", speakers=SP, statements=st, stances=stances, same_claim=same, negatives=neg)
