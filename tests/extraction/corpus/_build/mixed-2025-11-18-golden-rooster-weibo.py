import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

D16, D17, D18 = "2025-11-16", "2025-11-17", "2025-11-18"
SP = {
    "mac": ["Mainland Affairs Council", "MAC", "陸委會", "陆委会", "大陸委員會"],
    "chung": ["鍾以恆", "钟以恒", "Chung Yi-heng", "钟导", "鍾導"],
    "pd": ["People's Daily", "人民日報", "人民日报"],
    "blogger": ["台海观察员", "台海觀察員"],
    "tao": ["Taiwan Affairs Office", "TAO", "國台辦", "国台办", "国台办发布"],
    "liang": ["Liang Wen-chieh", "梁文傑", "梁文杰"],
    "wang": ["王怡安", "Wang Yi-an", "@wangyian_tw", "wangyian_tw"],
    "chen": ["陳柏翰", "陈柏翰", "Chen Po-han"],
    "moc": ["Ministry of Culture", "文化部"],
    "huang": ["黃雅萱", "黄雅萱", "Huang Ya-hsuan"],
    "dist": ["遠見影業", "远见影业", "遠見影業發言人"],
}
W = ["Weibo"]
st = [
    S("s01", "mac", "陸委會", "尊重創作但勿為統戰背書", "direct", D17, optional=True, note="headline"),
    S("s02", "chung", "他", "兩岸的觀眾其實都在等同一種故事，就是關於家的故事。", "direct", D16, note="acceptance speech; 他 = 鍾以恆"),
    S("s03", "chung", "钟以恒", "两岸的观众其实都在等同一种故事，就是关于家的故事。", "direct", D16, via=["Weibo", "People's Daily"], lang="zh-Hans", note="relayed in the People's Daily Weibo post, Simplified script"),
    S("s04", "pd", "人民日報", "两岸同胞血浓于水，期待更多台湾电影人来大陆追梦、筑梦、圆梦！", "direct", D16, via=W, lang="zh-Hans", note="the outlet's own words in its post; the #hashtag# is not a statement"),
    S("s05", "blogger", "台海观察员", "钟导说得太好了！", "direct", D16, via=W, lang="zh-Hans", optional=True, note="blogger's exclamation"),
    S("s06", "chung", "钟导", "两岸的观众其实都在等同一种故事，就是关于家的故事…", "direct", D16, via=["Weibo", "台海观察员"], lang="zh-Hans", note="relayed by a blogger; quote never closed (ends in …)"),
    S("s07", "tao", "國台辦", "台灣電影人在大陸「大有可為」", "indirect", D17, via=W, note="祝賀 is a speech act; 並稱 carries the claim"),
    S("s08", "tao", "國台辦", "祝贺台湾导演钟以恒荣获金鸡奖最佳导演。我们欢迎更多台湾同胞来大陆发展，我们将继续为台湾电影人提供更多机会和便利。", "direct", D17, via=W, lang="zh-Hans", note="貼文寫道： embedded Simplified post, no quote marks"),
    S("s09", "mac", "陸委會", "政府尊重藝文工作者的創作與參賽自由，但提醒國人，中共慣於把個人的得獎感言包裝成政治宣傳", "indirect", D17),
    S("s10", "liang", "梁文傑", "導演講的是家，但中共轉發的時候，講的是統一。這兩者是不一樣的，我們希望大家看清楚。", "direct", D17),
    S("s11", "liang", "梁文傑", "根據《兩岸人民關係條例》，台灣人民參加大陸的影展活動並無違法問題，但若配合中共進行政治表態，主管機關將依法了解", "indirect", D17, note="並指出"),
    S("s12", "liang", "他", "陸委會近年已多次提醒赴陸參加影展的藝人留意相關規範", "indirect", D17, note="他也透露"),
    S("s13", "chung", "鍾以恆", "自己「沒有任何政治立場」", "indirect", D17, via=["Facebook"], note="強調 + clause whose predicate is quoted"),
    S("s14", "chung", "他", "我只是講了一個關於家的故事。我的外婆是從福建來台灣的，她一輩子都在想念海峽另一邊的老家，這部電影是寫給她的。至於別人怎麼轉發、怎麼解讀，我沒有辦法控制。", "direct", D17, via=["Facebook"], note="他寫道 (Facebook post)"),
    S("s15", "chung", "他", "得獎後收到許多台灣觀眾的訊息，有人祝福也有人批評", "indirect", None, note="他也說 (venue not stated)"),
    S("s16", "chung", "他", "我都讀了，也都接受", "direct", None),
    S("s17", "wang", "王怡安", "精準地拿去做統戰", "direct", D17, via=["X"], note="批評...被「...」"),
    S("s18", "wang", "王怡安", "導演也許沒有惡意，但「兩岸觀眾都在等同一種故事」這句話，被人民日報一剪一貼，就變成了「血濃於水」。台灣的藝人到對岸領獎前，真的要想清楚。", "direct", D17, via=["X"], note="embedded post with signature line"),
    S("s18n", "chung", "鍾以恆", "兩岸觀眾都在等同一種故事", "direct", D16, optional=True, note="nested paraphrase of s02 inside s18"),
    S("s18m", "pd", "人民日報", "血濃於水", "direct", D16, optional=True, note="nested quote of s04 inside s18 (Traditional)"),
    S("s19", "chen", "陳柏翰", "執政黨「把電影獎當成忠誠度測驗」", "indirect", None, note="則力挺鍾以恆，認為..."),
    S("s20", "chen", "他", "鍾以恆的感言「溫暖而真誠」，完全看不出任何政治意圖", "indirect", None, note="他說; the quoted rhetorical question that follows is not a statement"),
    S("s21", "chen", "陳柏翰", "王怡安的發言是「綠色恐怖」的延伸", "indirect", None, note="也批評; 王怡安 is the object"),
    S("s22", "chen", "陳柏翰", "陸委會不要對藝人施加壓力", "indirect", None, note="並呼籲"),
    S("s23", "moc", "文化部", "文化部不會因為導演在海外得獎發表的感言而做出任何處置，也未曾與鍾以恆的團隊聯繫", "indirect", D18),
    S("s24", "moc", "文化部", "《回家的路》曾在2023年獲得文化部的國片輔導金", "indirect", D18, note="並指出"),
    S("s25", "moc", "文化部", "輔導金審查只看作品本身", "direct", D18),
    S("s26", "huang", "黃雅萱", "《回家的路》的劇本本身並沒有政治訊息，但在兩岸關係緊張的時刻，任何一句得獎感言都會被放大檢視", "indirect", None, note="分析"),
    S("s27", "huang", "她", "作品和作者都被捲進了一場他們並沒有報名參加的比賽。", "direct", None),
    S("s28", "dist", "遠見影業", "公司尊重導演的發言，目前沒有更改上映計畫的打算", "indirect", None, note="發行商遠見影業的發言人表示"),
]
stances = [
    T("t1", "liang", "oppose", ["s04", "s08"], "導演講的是家，但中共轉發的時候，講的是統一"),
    T("t2", "wang", "oppose", ["s04"], "批評鍾以恆的發言被「精準地拿去做統戰」"),
    T("t3", "chen", "support", ["s02", "s14"], "國民黨立委陳柏翰則力挺鍾以恆"),
    T("t4", "chen", "oppose", ["s18", "s17"], "陳柏翰也批評王怡安的發言"),
]
same = [
    (["s02", "s03", "s06"], "acceptance-speech quote: Traditional original, Simplified relay, unclosed Simplified relay"),
    (["s07", "s08"], "TAO: Taiwanese film-makers have a future on the mainland (summary and post)"),
]
neg = ["#台湾导演钟以恒获金鸡奖最佳导演#", "如果連講一句關於家的話都要被檢討，台灣的創作自由還剩多少？", "綠色恐怖", "《回家的路》預計明年1月在台灣上映"]
build("mixed-2025-11-18-golden-rooster-weibo", published=D18, outlet="島嶼日報", author="林品妤",
      language="zh-Hant", speakers=SP, statements=st, stances=stances, same_claim=same, negatives=neg)
