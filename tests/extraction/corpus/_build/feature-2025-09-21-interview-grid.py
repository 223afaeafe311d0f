import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

D19 = "2025-09-19"
SP = {
    "yeh": ["葉庭萱", "叶庭萱", "Yeh Ting-hsuan"],
    "dispatch": ["調度中心", "调度中心", "Taipower dispatch center"],
    "chen": ["陳志遠", "陈志远", "Chen Chih-yuan"],
    "wang": ["王家豪", "Wang Chia-hao"],
    "tsai": ["蔡欣妤", "Tsai Hsin-yu", "地球守護聯盟"],
}
A = "answer in the Q&A section (答：), no quote marks; the 問： line is the reporter's question"
st = [
    S("s01", "yeh", "葉庭萱", "電網比電廠更要命", "direct", None, optional=True, after="前台電董事長葉庭萱：", note="headline"),
    S("s02", "yeh", "她", "台灣缺的不是發電量，而是「夠強的電網」", "indirect", None, note="她直言; said 日前 (no date)"),
    S("s03", "yeh", "她", "不應該再把它當成意識形態問題", "direct", None, note="認為「...」, chained after 她也首度鬆口"),
    S("s04", "yeh", "葉庭萱", "那天下午我在南部開會，手機一直震，一看是調度中心打來的。電話那頭只說了一句：『興達跳了。』我就知道大事不好。\n\n「那一刻你會發現，電廠再多都沒有用，電送不出去，就是送不出去。我們後來檢討，問題出在輸電的備援不足，一個開關的誤操作，就讓半個台灣停電。\n\n「所以我一直說，電網比電廠更要命。這句話我在任內講了很多次，可能很多人聽膩了，但它是真的。", "direct", None, note="multi-paragraph quote: each paragraph reopens with 「, only the last closes; span runs from the first opening mark to the final closing mark"),
    S("s04n", "dispatch", "調度中心", "興達跳了。", "direct", None, optional=True, note="nested quote inside s04"),
    S("s05", "yeh", "", "備轉容量率這兩年確實改善了，這要歸功於燃氣機組陸續上線。但產業擔心的是「穩定」，不只是「夠不夠」。半導體廠跳電零點幾秒，整批晶圓就報廢，這種損失不是數字能看出來的。", "direct", None, note=A),
    S("s06", "yeh", "", "計畫第一期已經完成大約四成，最大的瓶頸是變電所選址。每一座變電所都要和地方溝通，有些地方一談就是三年。我常跟同事說，電網工程不是工程問題，是溝通問題。", "direct", None, note=A),
    S("s07", "yeh", "", "我的看法是，核電要不要用，應該交給安全審查和公投來決定，而不是由政黨立場決定。如果核安會審查通過，又有社會共識，我不認為應該排除這個選項。", "direct", None, note=A),
    S("s08", "yeh", "", "撐得住，但前提是資料中心要分散設置，不能全部擠在北部。北部用電、南部發電，這個結構不改，電網的壓力只會越來越大。我在任內就建議過，新的大型用電戶應該優先考慮設在中南部。", "direct", None, note=A),
    S("s09", "yeh", "", "我承認是樂觀了一點。離岸風電的併網時程確實比預期晚，有些是國產化要求造成的，有些是我們低估了施工的難度。但方向沒有錯，台灣不可能回頭全部燒煤。", "direct", None, note=A),
    S("s10", "yeh", "葉庭萱", "離開台電後，她最常被問的問題是「會不會缺電」", "indirect", None, note="葉庭萱說"),
    S("s11", "yeh", "她", "答案取決於未來五年電網投資能不能到位", "indirect", None, note="她說 (pronoun chain)"),
    S("s12", "yeh", "她", "錢要花在看不見的地方，這在政治上最難", "direct", None),
    S("s13", "yeh", "她", "任內最大的遺憾是沒能讓電價合理化", "indirect", None, note="她也坦言"),
    S("s14", "yeh", "她", "電價長期凍漲，台電虧損最後還是全民買單", "direct", None),
    S("s15", "yeh", "她", "卸任前曾向行政院建議成立獨立的電網公司，但未獲採納", "indirect", None, note="她還透露"),
    S("s16", "chen", "陳志遠", "政府並不同意「電網比電廠更要命」的說法，發電與輸配電同樣重要，兩者政府都有投資", "indirect", D19, note="19日受訪時表示; title run 經濟部能源署副署長"),
    S("s17", "chen", "他", "強韌電網計畫第一期執行率已達47%", "indirect", D19, note="他指出"),
    S("s18", "chen", "他", "比葉前董事長所說的四成還高", "direct", D19),
    S("s19", "chen", "陳志遠", "成立獨立電網公司涉及電業法修法，行政院仍在評估，並非「未獲採納」", "indirect", D19, note="並說"),
    S("s20", "chen", "陳志遠", "今年夏季尖峰期間備轉容量率都維持在6%以上，沒有發生限電，政府對未來的供電「有信心」", "indirect", D19, note="也強調 (date carried from the 19日 interview)"),
    S("s21", "wang", "他", "把核電交給科學審查，而不是交給選舉，這才是成熟社會應有的態度。", "direct", None, note="他說 = 王家豪"),
    S("s22", "wang", "王家豪", "核三廠若要重啟，至少需要兩到三年進行安全檢查與設備更新", "indirect", None, note="也指出"),
    S("s23", "wang", "王家豪", "現在討論並不算早", "direct", None),
    S("s24", "wang", "他", "電網強化與核電議題其實可以分開處理", "indirect", None, note="他並認為"),
    S("s25", "tsai", "蔡欣妤", "葉庭萱「把核電包裝成中立的技術問題」，忽略了核廢料至今無處可去的事實", "indirect", None, note="批評; 葉庭萱 is the object, not the speaker"),
    S("s26", "tsai", "她", "真正能解決缺電焦慮的是節能與儲能", "indirect", None, note="她說 = 蔡欣妤 (nearest female speaker, not 葉庭萱)"),
    S("s27", "tsai", "她", "而不是再去找一座老電廠回來", "direct", None),
    S("s28", "yeh", "她", "我希望他們不要怕被罵。電力系統出事的時候，所有人都會看著你，那種壓力很大。\n\n「但也正是那種時候，你才會知道這份工作的意義。每一度電送到家裡，背後都有很多人沒日沒夜地守著。", "direct", None, note="她說 = 葉庭萱 (paragraph names her); two-paragraph quote"),
]
stances = [
    T("t1", "chen", "oppose", ["s04", "s01"], "政府並不同意「電網比電廠更要命」的說法"),
    T("t2", "chen", "oppose", ["s06"], "比葉前董事長所說的四成還高"),
    T("t3", "chen", "oppose", ["s15"], "並非「未獲採納」"),
    T("t4", "wang", "support", ["s07", "s03"], "則認同葉庭萱對核電的看法"),
    T("t5", "tsai", "oppose", ["s07", "s03"], "批評，葉庭萱「把核電包裝成中立的技術問題」"),
]
same = [
    (["s03", "s07"], "nuclear power should not be decided by ideology / party position"),
    (["s02", "s04"], "the grid, not generation capacity, is the bottleneck"),
]
neg = ["強韌電網計畫", "產業界一直擔心供電不穩，你怎麼看", "你支持核三廠重啟嗎", "回頭看，你在任內對綠能進度是否太樂觀"]
build("feature-2025-09-21-interview-grid", published="2025-09-21", outlet="島嶼日報", author="許雅筑",
      language="zh-Hant", speakers=SP, statements=st, stances=stances, same_claim=same, negatives=neg)
