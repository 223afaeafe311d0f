import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

D = "2025-11-05"
SP = {
    "kmt": ["Kuomintang", "KMT", "國民黨", "国民党", "中國國民黨", "中国国民党"],
    "dpp": ["Democratic Progressive Party", "DPP", "民進黨", "民进党"],
    "su": ["蘇冠宇", "苏冠宇", "Su Kuan-yu"],
    "kuo": ["郭怡廷", "Kuo Yi-ting"],
    "lee": ["李文琦", "Lee Wen-chi"],
    "cec": ["Central Election Commission", "CEC", "中選會", "中选会", "中央選舉委員會"],
    "chang": ["張瑞麟", "张瑞麟", "Chang Jui-lin"],
    "chiang": ["江映潔", "江映洁", "Chiang Ying-chieh", "行政院發言人", "行政院发言人"],
}
FB = ["Facebook"]
st = [
    S("s01", "kmt", "國民黨", "中選會將「延役核電」公投案與明年地方選舉同日舉行", "indirect", D, note="發布聲明，要求 (demand); 「延役核電」 is a name"),
    S("s02", "kmt", "國民黨", "用程序拖延民意", "direct", D, after="批評民進黨政府「", note="批評X「...」; the same words recur in s16 as a scare-quoted label"),
    S("s03", "dpp", "民進黨", "為了選舉操弄能源議題", "direct", D, note="並反批國民黨「...」; the 拒絕...所謂「公投綁大選」 before it is a stance, the label is not a statement"),
    S("s04", "kmt", "國民黨", "延役核電公投案已完成第二階段連署，送交的連署書超過60萬份，遠高於法定門檻，中選會應儘速公告成案", "indirect", D, note="國民黨的聲明指出"),
    S("s05", "kmt", "聲明", "公投與選舉合併舉行，可以提高投票率、節省行政成本，這是尊重民意最簡單的做法。民進黨過去在野時支持公投與大選同日，執政後卻百般阻撓，標準前後不一。", "direct", D, note="聲明說 = the KMT statement"),
    S("s06", "kmt", "聲明", "執政黨以「避免公投被政治化」為由反對合併投票，實際上是擔心選情受到影響", "indirect", D, note="聲明並批評; 「避免公投被政治化」 is the DPP's stated reason, relayed, not annotated separately"),
    S("s07", "kmt", "聲明", "真正把公投政治化的，正是民進黨自己", "direct", D),
    S("s08", "kmt", "聲明", "依法行政，勿淪為執政黨的工具", "direct", D, note="聲明最後呼籲中選會「...」"),
    S("s09", "su", "蘇冠宇", "台灣電價在過去兩年調漲了三次，產業外移的壓力越來越大", "indirect", D, note="上午在黨部記者會上表示; title run 國民黨發言人"),
    S("s10", "su", "蘇冠宇", "核電該不該延役，應該讓全民來決定，而不是由少數官員關起門來決定", "direct", D),
    S("s11", "su", "他", "國民黨不反對再生能源，但能源政策不能只押寶單一選項", "indirect", D, note="他也強調"),
    S("s12", "su", "蘇冠宇", "國民黨團將在本會期提出《公民投票法》修正草案，明定公投得與全國性選舉同日舉行", "indirect", D, note="並透露"),
    S("s13", "su", "蘇冠宇", "國民黨會「用一切合法手段」爭取，但不會鼓勵民眾不投票", "indirect", D, note="answer to a reporter's question"),
    S("s14", "dpp", "新聞稿", "現行《公民投票法》明定公投日為八月第四個星期六，目的就是讓公投議題「不被選舉口水淹沒」，國民黨如今要求修法綁大選", "indirect", D, note="民進黨...新聞稿反擊。新聞稿指出"),
    S("s15", "dpp", "新聞稿", "根本是為了拉抬自家候選人的選情", "direct", D),
    S("s16", "kuo", "郭怡廷", "民進黨尊重公投結果，也願意就核電議題進行理性辯論，但拒絕接受國民黨「用程序拖延民意」的指控", "indirect", D, note="下午受訪時表示; the clause also carries the stance t2"),
    S("s17", "kuo", "她", "中選會是依法行政，國民黨不能因為自己想要的時程不同，就說別人拖延。", "direct", D),
    S("s18", "kuo", "郭怡廷", "核三廠已在今年5月停機，即使公投通過，業者也需要重新申請執照並完成安全檢查", "indirect", D, note="也指出; the 反問 that follows is a rhetorical question, not a statement"),
    S("s19", "kuo", "郭怡廷", "不是公投一過，核電廠明天就能重新發電", "direct", D),
    S("s20", "lee", "他", "核三延役可讓電價下降一成", "direct", None, via=["Facebook", "Democratic Progressive Party"], note="指他上月在臉書聲稱「...」: a Facebook post relayed by the DPP press release; 他 = 李文琦"),
    S("s21", "dpp", "民進黨", "毫無根據的數字", "direct", D, note="民進黨新聞稿...指...是「...」"),
    S("s22", "lee", "李文琦", "他引用的是經濟學者的估算", "indirect", D, via=FB, note="晚間在臉書回應"),
    S("s23", "lee", "李文琦", "民進黨不敢面對數字，只會扣帽子", "direct", D, via=FB),
    S("s24", "cec", "中選會", "延役核電公投案的連署書仍在查對中，預計本月底前完成，屆時將依法公告是否成案", "indirect", D, note="今天下午則回應"),
    S("s25", "cec", "中選會", "公投日期依現行法律規定辦理", "indirect", D, note="強調"),
    S("s26", "cec", "中選會", "中選會沒有裁量空間", "direct", D),
    S("s27", "chang", "張瑞麟", "民眾黨支持國民黨提出的合併投票修法方向，認為這可以節省數億元的選務經費", "indirect", None, note="表示; also stance t4"),
    S("s28", "chang", "他", "選務經費是全民的納稅錢，能省則省，這跟藍綠無關。", "direct", None),
    S("s29", "chang", "他", "合併投票可能拉長投開票作業時間，中選會必須預先規劃人力", "indirect", None, note="不過他也提醒"),
    S("s30", "kuo", "郭怡廷", "合併投票節省的成本「相當有限」，卻可能讓公投議題被候選人綁架，民進黨團不會支持相關修法", "indirect", D, note="晚間再度回應"),
    S("s31", "chiang", "江映潔", "行政院不會干預中選會的獨立運作", "indirect", D, note="晚間受訪時則說"),
    S("s32", "chiang", "江映潔", "政府的能源政策以「穩定供電、減碳、安全」為三大原則", "indirect", D, note="並重申"),
    S("s33a", "kmt", "國民黨", "電價連漲三次", "indirect", None, note="對於國民黨批評...: the KMT claim restated as a topic clause (same claim as s09)"),
    S("s33", "chiang", "她", "電價調整都是經過電價費率審議會決議", "indirect", D, note="她駁斥說"),
    S("s34", "chiang", "她", "並不是政府說漲就漲", "direct", D),
]
stances = [
    T("t1", "dpp", "oppose", ["s01"], "拒絕國民黨所謂「公投綁大選」的主張"),
    T("t2", "kuo", "oppose", ["s02"], "但拒絕接受國民黨「用程序拖延民意」的指控"),
    T("t3", "dpp", "oppose", ["s20"], "是「毫無根據的數字」"),
    T("t4", "chang", "support", ["s12", "s01"], "民眾黨支持國民黨提出的合併投票修法方向"),
    T("t5", "chiang", "oppose", ["s33a", "s09"], "她駁斥說"),
    T("t6", "lee", "oppose", ["s21"], "對此，李文琦晚間在臉書回應"),
]
same = [(["s09", "s33a"], "electricity prices rose three times in two years")]
neg = ["公投綁大選", "避免公投被政治化", "若中選會最終決定公投與選舉分開舉行，國民黨是否會發動抵制", "國民黨執政時為何沒有處理核廢料最終處置場的選址問題",
       "藍綠兩黨近期都已開始為明年的地方選舉布局"]
build("party-2025-11-05-referendum-statements", published=D, outlet="島嶼日報", author="吳思穎",
      language="zh-Hant", speakers=SP, statements=st, stances=stances, same_claim=same, negatives=neg)
