import sys; sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import S, T, build

D17, D18 = "2025-07-17", "2025-07-18"
R = ["Reuters"]
SP = {
    "iran": ["Iran", "伊朗", "伊朗方面", "伊朗政府"],
    "e3": ["英国、法国和德国", "英国", "法国", "德国", "英法德", "欧洲三国", "三国", "E3", "United Kingdom", "France", "Germany", "UK"],
    "eudip": ["欧洲外交官", "一名了解通话内容的欧洲外交官", "European diplomat"],
    "e3dip": ["三国外交官", "E3 diplomats", "欧洲三国外交官", "英法德", "欧洲三国", "英国、法国和德国"],
    "frmfa": ["French Foreign Ministry", "法国外交部", "法國外交部"],
    "wadephul": ["Johann Wadephul", "Wadephul", "瓦德富尔", "瓦德富爾"],
    "ukfco": ["UK Foreign Office spokesperson", "英国外交部发言人", "英国外交部", "Foreign Office"],
    "araghchi": ["Abbas Araghchi", "Araghchi", "阿拉格齐", "阿拉格齊"],
    "baghaei": ["Esmaeil Baghaei", "Baghaei", "巴加埃"],
    "irofficial": ["伊朗高级官员", "一名伊朗高级官员", "senior Iranian official"],
    "mp": ["伊朗议会国家安全与外交政策委员会成员", "伊朗议会国家安全与外交政策委员会", "Iranian lawmaker"],
    "lavrov": ["Sergei Lavrov", "Lavrov", "拉夫罗夫"],
    "zakharova": ["Maria Zakharova", "Zakharova", "扎哈罗娃"],
    "grossi": ["Rafael Grossi", "Grossi", "格罗西", "格羅西"],
    "guo": ["Guo Jiakun", "郭嘉昆"],
    "usstate": ["US State Department spokesperson", "美国国务院发言人", "美国国务院", "US State Department"],
    "kallas": ["Kaja Kallas", "Kallas", "卡拉斯"],
    "analysts": ["分析人士", "analysts"],
    "hassan": ["哈桑", "Hassan"],
}
st = [
    S("s01", "iran", "伊朗", "欧方无权启动“快速恢复”机制", "direct", D18, optional=True, note="headline (summary of Baghaei)"),
    S("s02", "e3", "英国、法国和德国", "如果伊朗在8月底前不恢复与国际原子能机构的合作并重启核谈判，他们将启动“快速恢复制裁”机制，恢复联合国此前解除的对伊制裁", "indirect", D17, via=R, note="据路透社报道, several speakers; 他们 inside the content = the three"),
    S("s03", "e3", "三国", "我们致力于通过外交途径解决伊朗核问题，但我们绝不允许伊朗获得核武器。", "direct", D17, note="在联合声明中说"),
    S("s04", "eudip", "欧洲外交官", "三国在通话中明确表示，“外交的时间窗口正在关闭”", "indirect", None, via=R, note="对路透社说; reports what the three said"),
    S("s04n", "e3", "三国", "外交的时间窗口正在关闭", "direct", D17, optional=True, via=["Reuters", "European diplomat"], note="nested: the E3's words relayed by the diplomat"),
    S("s05", "eudip", "该官员", "欧方仍然希望通过谈判解决问题，但不会无限期等待", "indirect", None, via=R, note="该官员还说 = the diplomat"),
    S("s06", "e3dip", "他们", "伊朗目前的浓缩铀库存已是2015年协议上限的40多倍，国际社会“无法再视而不见”", "indirect", D17, note="他们表示 = 三国外交官"),
    S("s07", "frmfa", "法国外交部", "伊朗的高丰度浓缩铀储量“远远超出任何民用需要”", "indirect", D17, note="在随后发表的声明中指出"),
    S("s08", "wadephul", "瓦德富尔", "伊朗必须立即回到谈判桌，这是避免制裁的唯一途径。", "direct", None, note="在社交媒体上写道 (platform unnamed)"),
    S("s09", "ukfco", "英国外交部发言人", "英方与法德两国“立场完全一致”", "indirect", None),
    S("s10", "araghchi", "阿拉格齐", "欧洲三国“一再把自己的失败归咎于伊朗”，伊朗愿意在“公平、平衡”的基础上进行谈判，但不会在威胁下作出让步", "indirect", D17, via=["X"], note="17日晚在社交媒体X上发文称"),
    S("s11", "baghaei", "巴加埃", "欧洲三国“没有任何法律和道德依据”启动快速恢复机制", "indirect", D18, note="对此...回应称"),
    S("s12", "baghaei", "他", "欧洲国家自己早就没有履行全面协议的承诺，现在却要惩罚一直履约的一方，这是荒谬的，也是不会得逞的。", "direct", D18, note="他说： without quote marks"),
    S("s13", "baghaei", "巴加埃", "伊朗暂停与国际原子能机构的合作，是对伊朗核设施遭到袭击的回应", "indirect", D18, note="还表示"),
    S("s14", "baghaei", "巴加埃", "责任不在伊朗", "direct", D18),
    S("s15", "baghaei", "他", "伊朗始终没有关闭外交的大门", "indirect", D18, note="他强调"),
    S("s16", "irofficial", "伊朗高级官员", "德黑兰正在考虑，如果联合国制裁恢复，伊朗将退出《不扩散核武器条约》", "indirect", None, via=R, note="路透社引述...的话说"),
    S("s17", "irofficial", "该官员", "这“只是选项之一”，伊朗领导层尚未作出决定", "indirect", None, via=R, note="不过该官员表示"),
    S("s18", "mp", "伊朗议会国家安全与外交政策委员会", "一旦制裁恢复，议会将立即审议退出条约的议案", "indirect", None, via=["ISNA"], note="一名成员...对伊朗学生通讯社表示; 当天 has no anchor date"),
    S("s19", "lavrov", "前者", "俄方反对任何恢复对伊制裁的企图", "indirect", D18, note="前者 = 拉夫罗夫"),
    S("s20", "zakharova", "后者", "英国、法国和德国已经“失去了作为协议参与方的资格”，无权启动快速恢复机制", "indirect", D18, note="后者 = 扎哈罗娃; 英国、法国和德国 is the object here"),
    S("s21", "zakharova", "扎哈罗娃", "各方保持克制，避免局势进一步升级", "indirect", D18, note="并呼吁"),
    S("s22", "grossi", "格罗西", "他已做好准备，随时派核查人员返回伊朗", "indirect", D18, via=R, note="18日在维也纳对路透社说"),
    S("s23", "grossi", "他", "我们需要回到现场，这对所有人都有好处。", "direct", D18, via=R, note="他说： without quote marks"),
    S("s24", "grossi", "格罗西", "目前机构无法核实伊朗高丰度浓缩铀的具体下落", "indirect", D18, note="同时指出"),
    S("s25", "guo", "郭嘉昆", "中方一贯主张通过政治外交手段解决伊朗核问题，反对动辄施压制裁", "indirect", D18, note="回答相关提问时表示"),
    S("s26", "guo", "他", "对话协商是解决伊朗核问题的唯一正确途径。", "direct", D18),
    S("s27", "usstate", "美国国务院", "美方支持英法德的立场，认为伊朗“必须为其违约行为承担后果”", "indirect", None, via=R, note="据路透社报道，美国国务院一名发言人表示"),
    S("s28", "kallas", "卡拉斯", "欧盟支持三国的努力，并将与各方保持密切沟通", "indirect", None),
    S("s29", "analysts", "分析人士", "快速恢复机制一旦启动，将在30天后自动生效，中俄无法通过否决权加以阻止", "indirect", None, note="generic source"),
    S("s30", "hassan", "哈桑", "欧方此举更多是施压手段", "indirect", None, note="对本网记者说"),
    S("s31", "hassan", "哈桑", "他们真正想要的是谈判，而不是制裁", "direct", None, note="他们 inside the quote = the Europeans, not the speaker"),
    S("s32", "iran", "伊朗方面", "任何谈判都必须以欧方停止施压为前提", "indirect", None, note="此前曾表示"),
]
stances = [
    T("t1", "baghaei", "oppose", ["s02", "s03"], "对此，伊朗外交部发言人巴加埃18日回应称"),
    T("t2", "lavrov", "oppose", ["s02"], "俄方反对任何恢复对伊制裁的企图"),
    T("t3", "zakharova", "oppose", ["s02"], "英国、法国和德国已经“失去了作为协议参与方的资格”"),
    T("t4", "usstate", "support", ["s02", "s06"], "美方支持英法德的立场"),
    T("t5", "kallas", "support", ["s02"], "欧盟支持三国的努力"),
]
same = [
    (["s11", "s20"], "the E3 have no right/basis to trigger the snapback"),
    (["s16", "s18"], "Iran would move to leave the NPT if UN sanctions return"),
]
neg = ["据悉，伊朗与欧洲三国的副外长级会谈可能于下周在伊斯坦布尔举行", "快照", "该发言人拒绝透露美方是否会在安理会推动新的决议"]
build("relay-2025-07-19-e3-iran-snapback", published="2025-07-19", outlet="时事快报", author="",
      language="zh-Hans", speakers=SP, statements=st, stances=stances, same_claim=same, negatives=neg)
