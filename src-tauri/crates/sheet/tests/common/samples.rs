//! Sample personas for tests, the gallery and the benchmarks: every built-in template
//! filled in English, Chinese, Russian, Vietnamese and Lithuanian, a persona that
//! mixes all five, and one far too long for its sheet.
#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use persona_model::{
    builtin_templates, Module, ModuleBody, Persona, PersonaId, ProjectId, Template,
};

/// The languages of the samples.
pub const LANGS: &[&str] = &["en", "zh", "ru", "vi", "lt"];

/// Content in one language.
pub struct Lang {
    pub code: &'static str,
    pub name: &'static str,
    pub archetype: &'static str,
    pub quote: &'static str,
    pub bio: &'static str,
    pub goals: [&'static str; 4],
    pub pains: [&'static str; 4],
    pub facts: [&'static str; 8],
    pub tags: [&'static str; 6],
    pub titles: &'static [(&'static str, &'static str)],
    /// Facts about a company, for the ideal customer profile.
    pub company: [&'static str; 8],
}

pub fn lang(code: &str) -> Lang {
    match code {
        "zh" => Lang {
            code: "zh",
            name: "王芳",
            archetype: "精打细算的上班族妈妈",
            quote: "我会先比较三个平台的价格，再决定在哪里下单。",
            bio: "王芳在杭州一家外贸公司做会计，有一个七岁的儿子。她每天通勤四十分钟，习惯在地铁上用手机浏览商品。周末她会和家人一起去超市，但大部分日用品都在网上购买。她重视性价比，也愿意为质量可靠的品牌多花一点钱。",
            goals: ["每月把家庭开支控制在预算之内", "为孩子挑选安全、健康的产品", "节省购物时间，多陪伴家人", "找到值得长期信赖的品牌"],
            pains: ["促销规则太复杂，算不清到底便宜多少", "商品评价真假难辨", "退货流程繁琐，运费还要自己承担", "客服回复慢，问题迟迟得不到解决"],
            facts: ["36 岁", "女", "浙江杭州", "已婚，一个孩子", "会计", "月收入 1.5 万元", "本科", "iPhone、笔记本电脑"],
            tags: ["淘宝", "京东", "小红书", "拼多多", "盒马", "微信"],
            titles: &[("facts", "基本信息"), ("bio", "简介"), ("goals", "目标"), ("frustrations", "痛点"), ("personality", "性格"), ("motivations", "动机"), ("channels", "常用渠道"), ("brands", "品牌与博主"), ("drivers", "购买动因"), ("barriers", "购买障碍"), ("behaviours", "购物习惯"), ("day", "日常一天"), ("needs", "需求"), ("pains", "痛点"), ("help", "我们如何帮助"), ("assumptions", "待验证的假设"), ("triggers", "购买触发点"), ("buying_group", "采购小组"), ("criteria", "决策考量"), ("objections", "异议与警示"), ("tools", "已在使用的工具")],
            company: ["零售", "50–200 名员工", "年收入 5000 万元", "华东地区", "线上线下结合", "快速增长", "有赞、企业微信", "每年 20 万元"],
        },
        "ru" => Lang {
            code: "ru",
            name: "Ирина Волкова",
            archetype: "Осторожный покупатель",
            quote: "Сначала читаю отзывы, потом думаю ещё неделю — и только тогда покупаю.",
            bio: "Ирина работает инженером-проектировщиком в Екатеринбурге. Она планирует крупные покупки заранее, сравнивает характеристики в таблице и советуется с коллегами. Доверяет магазинам с понятными условиями возврата и живой поддержкой.",
            goals: ["Покупать вещи, которые прослужат долго", "Не переплачивать за бренд", "Быстро находить честные отзывы", "Получать заказ в удобный пункт выдачи"],
            pains: ["Скрытые платежи при оформлении заказа", "Накрученные отзывы и рейтинги", "Долгая доставка в регионы", "Сложный возврат товара"],
            facts: ["41 год", "Женщина", "Екатеринбург", "Замужем, двое детей", "Инженер-проектировщик", "120 000 ₽ в месяц", "Высшее техническое", "Android, ноутбук"],
            tags: ["Ozon", "Wildberries", "Яндекс Маркет", "ВКонтакте", "Telegram", "DNS"],
            titles: &[("facts", "О себе"), ("bio", "Биография"), ("goals", "Цели"), ("frustrations", "Проблемы"), ("personality", "Характер"), ("motivations", "Мотивация"), ("channels", "Каналы"), ("brands", "Бренды"), ("drivers", "Что побуждает купить"), ("barriers", "Барьеры"), ("behaviours", "Поведение"), ("day", "Один день"), ("needs", "Потребности"), ("pains", "Проблемы"), ("help", "Чем мы помогаем"), ("assumptions", "Что проверить"), ("triggers", "Поводы для покупки"), ("buying_group", "Кто решает"), ("criteria", "Что важно при выборе"), ("objections", "Возражения и стоп-сигналы"), ("tools", "Инструменты")],
            company: ["Розничная торговля", "50–200 сотрудников", "500 млн ₽ в год", "Урал и Сибирь", "Магазины и интернет", "Рост", "1С, Битрикс24", "3 млн ₽ в год"],
        },
        "vi" => Lang {
            code: "vi",
            name: "Đặng Thu Hà",
            archetype: "Người mua sắm kỹ tính",
            quote: "Tôi luôn đọc kỹ đánh giá trước khi quyết định mua hàng.",
            bio: "Hà là nhân viên văn phòng ở Thành phố Hồ Chí Minh. Cô thường mua sắm trực tuyến vào buổi tối sau giờ làm, so sánh giá trên nhiều ứng dụng và chờ những đợt khuyến mãi lớn. Cô muốn tiết kiệm thời gian nhưng vẫn đảm bảo chất lượng sản phẩm.",
            goals: ["Tiết kiệm chi phí mỗi tháng", "Mua được sản phẩm chính hãng", "Giao hàng nhanh trong ngày", "Tìm ưu đãi phù hợp với gia đình"],
            pains: ["Hàng giả, hàng nhái tràn lan", "Phí vận chuyển cao bất ngờ", "Thủ tục đổi trả rườm rà", "Thông tin sản phẩm không rõ ràng"],
            facts: ["29 tuổi", "Nữ", "TP. Hồ Chí Minh", "Độc thân", "Nhân viên kế toán", "15 triệu đồng/tháng", "Đại học", "Điện thoại thông minh"],
            tags: ["Shopee", "Lazada", "Tiki", "TikTok Shop", "Zalo", "Facebook"],
            titles: &[("facts", "Thông tin"), ("bio", "Tiểu sử"), ("goals", "Mục tiêu"), ("frustrations", "Nỗi thất vọng"), ("personality", "Tính cách"), ("motivations", "Động lực"), ("channels", "Kênh ưa thích"), ("brands", "Thương hiệu"), ("drivers", "Động lực mua hàng"), ("barriers", "Rào cản"), ("behaviours", "Thói quen mua sắm"), ("day", "Một ngày"), ("needs", "Nhu cầu"), ("pains", "Vấn đề"), ("help", "Chúng tôi giúp gì"), ("assumptions", "Giả định cần kiểm chứng"), ("triggers", "Thời điểm mua"), ("buying_group", "Nhóm quyết định"), ("criteria", "Tiêu chí lựa chọn"), ("objections", "Phản đối và dấu hiệu cảnh báo"), ("tools", "Công cụ đang dùng")],
            company: ["Bán lẻ", "50–200 nhân viên", "100 tỷ đồng/năm", "Miền Nam", "Cửa hàng và trực tuyến", "Tăng trưởng", "Haravan, Zalo OA", "500 triệu đồng/năm"],
        },
        "lt" => Lang {
            code: "lt",
            name: "Žygimantas Šimkūnas",
            archetype: "Praktiškas technologijų entuziastas",
            quote: "Perku tik tai, ką išbandžiau arba ką rekomenduoja draugai.",
            bio: "Žygimantas gyvena Kaune ir dirba programuotoju. Laisvalaikiu jis važinėja dviračiu ir domisi išmaniaisiais namų įrenginiais. Prieš pirkdamas ilgai lygina kainas, skaito apžvalgas ir vertina greitą pristatymą į paštomatą.",
            goals: ["Įsigyti patikimą įrangą ilgam laikui", "Sutaupyti laiko renkantis prekes", "Gauti prekes į artimiausią paštomatą", "Rasti sąžiningų apžvalgų"],
            pains: ["Neaiškios garantijos sąlygos", "Per ilgas pristatymas iš užsienio", "Įkyrios reklamos socialiniuose tinkluose", "Sudėtingas grąžinimas"],
            facts: ["34 metai", "Vyras", "Kaunas", "Vedęs, vienas vaikas", "Programuotojas", "3 200 € per mėnesį", "Aukštasis", "Nešiojamas kompiuteris, išmanusis telefonas"],
            tags: ["Varle.lt", "Pigu.lt", "Senukai", "YouTube", "Reddit", "Telia"],
            titles: &[("facts", "Apie mane"), ("bio", "Biografija"), ("goals", "Tikslai"), ("frustrations", "Nusivylimai"), ("personality", "Asmenybė"), ("motivations", "Motyvacija"), ("channels", "Kanalai"), ("brands", "Prekės ženklai"), ("drivers", "Kas skatina pirkti"), ("barriers", "Kliūtys"), ("behaviours", "Apsipirkimo įpročiai"), ("day", "Diena"), ("needs", "Poreikiai"), ("pains", "Problemos"), ("help", "Kaip padedame"), ("assumptions", "Ką patikrinti"), ("triggers", "Pirkimo paskatos"), ("buying_group", "Kas sprendžia"), ("criteria", "Kas lemia pasirinkimą"), ("objections", "Prieštaravimai ir įspėjimai"), ("tools", "Naudojami įrankiai")],
            company: ["Mažmeninė prekyba", "50–200 darbuotojų", "12 mln. € per metus", "Baltijos šalys", "Parduotuvės ir internetas", "Auga", "Shopify, Rivilė", "40 000 € per metus"],
        },
        _ => Lang {
            code: "en",
            name: "Frugal Fred",
            archetype: "Discount and coupon hunter",
            quote: "I never pay full price. If there's no code, I wait for the sale.",
            bio: "Fred manages a hardware store in Leeds and shops online in the evenings. He compares prices across three sites, keeps a spreadsheet of coupon codes and signs up to every newsletter that promises a discount. He is loyal to shops that are honest about delivery costs.",
            goals: ["Keep the monthly household budget under control", "Find the best deal without spending hours", "Get reliable products that last", "Earn loyalty points on everyday purchases"],
            pains: ["Delivery costs that only appear at checkout", "Fake reviews that hide poor quality", "Coupons that never seem to work", "Long returns with no tracking"],
            facts: ["47", "Male", "Leeds, UK", "Married, two teenagers", "Store manager", "£38,000 a year", "Vocational college", "Android phone, old laptop"],
            tags: ["Amazon", "Argos", "Lidl", "MoneySavingExpert", "eBay", "Which?"],
            titles: &[("facts", "About"), ("bio", "Bio"), ("goals", "Goals"), ("frustrations", "Frustrations"), ("personality", "Personality"), ("motivations", "Motivations"), ("channels", "Preferred channels"), ("brands", "Brands & influencers"), ("drivers", "Behaviour drivers"), ("barriers", "Purchase barriers"), ("behaviours", "Shopping behaviour"), ("day", "A day in the life"), ("needs", "Needs"), ("pains", "Pain points"), ("help", "How we help"), ("assumptions", "Assumptions to test"), ("triggers", "Buying triggers"), ("buying_group", "Buying group"), ("criteria", "What weighs in the decision"), ("objections", "Objections and red flags"), ("tools", "Tools they already use")],
            company: ["Retail", "50–200 employees", "€12 M a year", "UK and Ireland", "Shops and online", "Growing", "Shopify, Xero", "€40,000 a year"],
        },
    }
}

/// Slider values that make a sheet look filled in.
const SLIDER_VALUES: [u8; 8] = [30, 72, 55, 18, 86, 64, 40, 92];

/// The built-in template with `id`.
pub fn template(id: &str) -> Template {
    builtin_templates()
        .iter()
        .find(|t| t.id.as_str() == id)
        .cloned()
        .unwrap_or_else(|| panic!("no built-in template {id}"))
}

/// A persona on template `template_id` with content in language `code`.
pub fn persona(template_id: &str, code: &str) -> Persona {
    let t = template(template_id);
    let l = lang(code);
    let when = Utc.with_ymd_and_hms(2026, 3, 14, 9, 30, 0).unwrap();
    let mut p = Persona::from_template(&t, ProjectId(uuid_nil()), l.name, when).unwrap();
    p.id = PersonaId(uuid_nil());
    p.updated = Utc.with_ymd_and_hms(2026, 4, 2, 16, 5, 0).unwrap();
    p.archetype = l.archetype.to_owned();
    p.quote = l.quote.to_owned();
    let mut list_turn = 0;
    for m in &mut p.modules {
        if let Some((_, title)) = l.titles.iter().find(|(id, _)| *id == m.id) {
            m.title = (*title).to_owned();
        }
        match (&mut m.body, module_items(template_id, code, &m.id)) {
            (ModuleBody::List { items }, Some(own)) => {
                *items = own.iter().map(|s| (*s).to_owned()).collect();
            }
            _ => fill(m, &l, &mut list_turn),
        }
    }
    p
}

/// List content written for one module of one template, so that every list of a sample
/// sheet says something different and shows what belongs there.
fn module_items(template: &str, code: &str, module: &str) -> Option<&'static [&'static str]> {
    Some(match (template, module, code) {
        ("proto-persona", "needs", "zh") => &[
            "十分钟内订好一周的食品杂货",
            "下班路上也能改配送时间",
            "一眼看出哪些商品正在打折",
        ],
        ("proto-persona", "pains", "zh") => &[
            "周五晚上的配送时段总是约满",
            "缺货商品被随意替换",
            "满减规则要算半天",
        ],
        ("proto-persona", "behaviours", "zh") => &[
            "通勤路上用手机下单",
            "购买 300 元以上的东西前会看评价",
            "每周日晚上列好购物清单",
        ],
        ("proto-persona", "help", "zh") => {
            &["保存常用购物篮，一键再次下单", "可预约的固定配送时段"]
        }
        ("proto-persona", "assumptions", "zh") => &[
            "她愿意为固定配送时段付费：问卷第 7 题",
            "她每周都会再次购买：看订单数据",
            "价格比速度更重要：访谈五位顾客",
        ],
        ("proto-persona", "needs", "ru") => &[
            "Заказать продукты на неделю за десять минут",
            "Перенести доставку прямо по дороге домой",
            "Сразу видеть, что сейчас со скидкой",
        ],
        ("proto-persona", "pains", "ru") => &[
            "В пятницу вечером все окна доставки заняты",
            "Товары, которых нет, заменяют без спроса",
            "Условия акций приходится пересчитывать",
        ],
        ("proto-persona", "behaviours", "ru") => &[
            "Заказывает с телефона по дороге на работу",
            "Читает отзывы перед покупкой дороже 5000 ₽",
            "Составляет список покупок в воскресенье вечером",
        ],
        ("proto-persona", "help", "ru") => &[
            "Любимая корзина: повторить заказ в одно касание",
            "Постоянное окно доставки по подписке",
        ],
        ("proto-persona", "assumptions", "ru") => &[
            "Готова платить за постоянное окно доставки: вопрос 7 опроса",
            "Заказывает каждую неделю: проверить по данным заказов",
            "Цена важнее скорости: пять интервью",
        ],
        ("proto-persona", "needs", "vi") => &[
            "Đặt thực phẩm cho cả tuần trong mười phút",
            "Đổi giờ giao ngay trên đường về nhà",
            "Thấy ngay món nào đang giảm giá",
        ],
        ("proto-persona", "pains", "vi") => &[
            "Khung giờ giao tối thứ Sáu lúc nào cũng kín",
            "Hàng hết bị thay bằng món khác mà không hỏi",
            "Điều kiện khuyến mãi phải tính mãi mới hiểu",
        ],
        ("proto-persona", "behaviours", "vi") => &[
            "Đặt hàng trên điện thoại khi đi làm",
            "Đọc đánh giá trước mọi món trên 1 triệu đồng",
            "Lên danh sách mua sắm vào tối Chủ nhật",
        ],
        ("proto-persona", "help", "vi") => &[
            "Lưu giỏ hàng yêu thích, đặt lại chỉ một chạm",
            "Khung giờ giao cố định theo gói tháng",
        ],
        ("proto-persona", "assumptions", "vi") => &[
            "Cô sẵn sàng trả phí cho giờ giao cố định: câu 7 của khảo sát",
            "Cô đặt hàng mỗi tuần: xem dữ liệu đơn hàng",
            "Giá quan trọng hơn tốc độ: phỏng vấn năm khách",
        ],
        ("proto-persona", "needs", "lt") => &[
            "Per dešimt minučių užsisakyti savaitės produktus",
            "Pakeisti pristatymo laiką grįžtant namo",
            "Iš karto matyti, kas šiandien pigiau",
        ],
        ("proto-persona", "pains", "lt") => &[
            "Penktadienio vakarą visi pristatymo laikai užimti",
            "Trūkstamos prekės pakeičiamos neklausus",
            "Akcijų sąlygas tenka ilgai skaičiuoti",
        ],
        ("proto-persona", "behaviours", "lt") => &[
            "Užsako telefonu važiuodama į darbą",
            "Prieš pirkinį virš 50 € skaito atsiliepimus",
            "Sekmadienio vakarą susirašo pirkinių sąrašą",
        ],
        ("proto-persona", "help", "lt") => &[
            "Mėgstamas krepšelis: pakartoti užsakymą vienu paspaudimu",
            "Nuolatinis pristatymo laikas su prenumerata",
        ],
        ("proto-persona", "assumptions", "lt") => &[
            "Mokėtų už nuolatinį pristatymo laiką: 7 apklausos klausimas",
            "Užsako kas savaitę: patikrinti užsakymų duomenis",
            "Kaina svarbiau už greitį: penki interviu",
        ],
        ("proto-persona", "needs", _) => &[
            "Order the week's groceries in ten minutes",
            "Move a delivery slot on the way home",
            "See at a glance what is on offer",
        ],
        ("proto-persona", "pains", _) => &[
            "Delivery slots are always full on Friday evening",
            "Missing items are swapped without asking",
            "Multi-buy offers take maths to understand",
        ],
        ("proto-persona", "behaviours", _) => &[
            "Shops on the phone during the commute",
            "Reads reviews before any purchase over £50",
            "Writes the shopping list on Sunday evening",
        ],
        ("proto-persona", "help", _) => &[
            "Saves a favourite basket to reorder in one tap",
            "A fixed weekly delivery slot by subscription",
        ],
        ("proto-persona", "assumptions", _) => &[
            "She would pay for a fixed slot: survey question 7",
            "She reorders every week: check order data",
            "Price matters more than speed: five interviews",
        ],

        ("ideal-customer-profile", "pains", "zh") => &[
            "库存数据不准，3% 的订单被取消",
            "每月对账要花财务三天",
            "旺季时客服排队超过一小时",
        ],
        ("ideal-customer-profile", "needs", "zh") => {
            &["能与现有 ERP 对接", "开具增值税专用发票", "数据存储在境内"]
        }
        ("ideal-customer-profile", "help", "zh") => {
            &["一个季度内取消订单减少一半", "对账从三天缩短到半天"]
        }
        ("ideal-customer-profile", "triggers", "zh") => {
            &["新一轮融资到账", "开设第二个仓库", "新的电商负责人上任"]
        }
        ("ideal-customer-profile", "buying_group", "zh") => &[
            "运营经理：发现我们并推动采购",
            "财务总监：签字",
            "IT：可以否决",
        ],
        ("ideal-customer-profile", "objections", "zh") => &[
            "“切换系统会打乱旺季”",
            "每天订单少于十单：不合适",
            "没有专人负责系统：风险高",
        ],
        ("ideal-customer-profile", "pains", "ru") => &[
            "Остатки на складе неверны, 3% заказов отменяются",
            "Сверка с поставщиками занимает три дня в месяц",
            "В сезон очередь в поддержку больше часа",
        ],
        ("ideal-customer-profile", "needs", "ru") => &[
            "Работает с нашей 1С",
            "Закрывающие документы в рублях",
            "Данные хранятся в России",
        ],
        ("ideal-customer-profile", "help", "ru") => &[
            "Отмен заказов вдвое меньше за квартал",
            "Сверка за полдня вместо трёх",
        ],
        ("ideal-customer-profile", "triggers", "ru") => &[
            "Новое финансирование",
            "Открытие второго склада",
            "Новый руководитель e-commerce",
        ],
        ("ideal-customer-profile", "buying_group", "ru") => &[
            "Операционный менеджер: находит нас и продвигает",
            "Финансовый директор: подписывает",
            "ИТ: может наложить вето",
        ],
        ("ideal-customer-profile", "objections", "ru") => &[
            "«Переход сорвёт нам сезон»",
            "Меньше десяти заказов в день: не наш клиент",
            "Нет ответственного за систему: риск",
        ],
        ("ideal-customer-profile", "pains", "vi") => &[
            "Số liệu tồn kho sai, 3% đơn hàng bị hủy",
            "Đối soát mỗi tháng mất ba ngày của kế toán",
            "Mùa cao điểm khách chờ hỗ trợ hơn một giờ",
        ],
        ("ideal-customer-profile", "needs", "vi") => &[
            "Kết nối được với ERP đang dùng",
            "Xuất hóa đơn điện tử",
            "Dữ liệu lưu tại Việt Nam",
        ],
        ("ideal-customer-profile", "help", "vi") => &[
            "Đơn hủy giảm một nửa trong một quý",
            "Đối soát còn nửa ngày thay vì ba ngày",
        ],
        ("ideal-customer-profile", "triggers", "vi") => &[
            "Vừa gọi vốn vòng mới",
            "Mở kho thứ hai",
            "Có trưởng bộ phận thương mại điện tử mới",
        ],
        ("ideal-customer-profile", "buying_group", "vi") => &[
            "Quản lý vận hành: tìm ra và ủng hộ chúng tôi",
            "Giám đốc tài chính: ký duyệt",
            "IT: có quyền phủ quyết",
        ],
        ("ideal-customer-profile", "objections", "vi") => &[
            "“Đổi hệ thống sẽ làm hỏng mùa cao điểm”",
            "Ít hơn mười đơn mỗi ngày: không phù hợp",
            "Không ai phụ trách hệ thống: rủi ro",
        ],
        ("ideal-customer-profile", "pains", "lt") => &[
            "Likučiai neteisingi, 3 % užsakymų atšaukiama",
            "Mėnesio suderinimas buhalterijai trunka tris dienas",
            "Sezono metu klientai laukia pagalbos ilgiau nei valandą",
        ],
        ("ideal-customer-profile", "needs", "lt") => &[
            "Veikia su mūsų ERP",
            "Sąskaitos eurais",
            "Duomenys saugomi ES",
        ],
        ("ideal-customer-profile", "help", "lt") => &[
            "Per ketvirtį atšauktų užsakymų perpus mažiau",
            "Suderinimas per pusdienį, ne per tris dienas",
        ],
        ("ideal-customer-profile", "triggers", "lt") => &[
            "Naujas finansavimas",
            "Atidaromas antras sandėlis",
            "Naujas e. prekybos vadovas",
        ],
        ("ideal-customer-profile", "buying_group", "lt") => &[
            "Operacijų vadovas: mus suranda ir palaiko",
            "Finansų direktorius: pasirašo",
            "IT: gali vetuoti",
        ],
        ("ideal-customer-profile", "objections", "lt") => &[
            "„Perėjimas sugadins mums sezoną“",
            "Mažiau nei dešimt užsakymų per dieną: netinka",
            "Nėra atsakingo už sistemą: rizika",
        ],
        ("ideal-customer-profile", "pains", _) => &[
            "Stock counts are wrong; 3% of orders are cancelled",
            "Month-end reconciliation takes finance three days",
            "Peak-season support queues pass an hour",
        ],
        ("ideal-customer-profile", "needs", _) => &[
            "Works with the ERP they already run",
            "Invoices in euros",
            "Data stored in the EU",
        ],
        ("ideal-customer-profile", "help", _) => &[
            "Cancelled orders down by half within a quarter",
            "Reconciliation in half a day instead of three",
        ],
        ("ideal-customer-profile", "triggers", _) => &[
            "New funding round",
            "Opening a second warehouse",
            "A new head of e-commerce",
        ],
        ("ideal-customer-profile", "buying_group", _) => &[
            "Operations manager: finds us and champions us",
            "CFO: signs",
            "IT: can veto",
        ],
        ("ideal-customer-profile", "objections", _) => &[
            "“Switching will wreck our peak season”",
            "Fewer than ten orders a day: not a fit",
            "Nobody owns the system: risky",
        ],
        _ => return None,
    })
}

fn uuid_nil() -> uuid::Uuid {
    uuid::Uuid::nil()
}

fn fill(m: &mut Module, l: &Lang, list_turn: &mut usize) {
    match &mut m.body {
        ModuleBody::Header | ModuleBody::Chart { .. } | ModuleBody::Image { .. } => {}
        ModuleBody::Facts { rows } if rows.first().is_some_and(|r| r.label == "Industry") => {
            for (row, value) in rows.iter_mut().zip(l.company) {
                row.value = value.to_owned();
            }
        }
        ModuleBody::Facts { rows } => {
            for (i, row) in rows.iter_mut().enumerate() {
                row.value = if row.label == "Children" {
                    "2".to_owned()
                } else {
                    l.facts[fact_slot(&row.label).unwrap_or(i % 8)].to_owned()
                };
            }
        }
        ModuleBody::Text { text } => *text = l.bio.to_owned(),
        ModuleBody::List { items } => {
            let source = if list_turn.is_multiple_of(2) {
                &l.goals
            } else {
                &l.pains
            };
            *list_turn += 1;
            *items = source.iter().map(|s| (*s).to_owned()).collect();
        }
        ModuleBody::Sliders { rows, .. } => {
            for (i, row) in rows.iter_mut().enumerate() {
                row.value = SLIDER_VALUES[i % SLIDER_VALUES.len()];
            }
        }
        ModuleBody::Tags { tags } => *tags = l.tags.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// Which of the eight sample facts fits a template's fact label.
fn fact_slot(label: &str) -> Option<usize> {
    Some(match label {
        "Age" => 0,
        "Gender" | "Reports to" => 1,
        "Location" | "Industry" => 2,
        "Family" | "Family status" | "Household" | "Company size" => 3,
        "Occupation" | "Job title" => 4,
        "Income" | "Household income" | "Budget" => 5,
        "Education" | "Years in role" => 6,
        "Technology" | "Technology use" | "Devices" => 7,
        _ => return None,
    })
}

/// One persona mixing all five languages in its fields.
pub fn mixed() -> Persona {
    let mut p = persona("user-persona", "en");
    p.name = "Nguyễn Minh Anh 王芳".to_owned();
    p.archetype = "Tiết kiệm nhưng kỹ tính · Осторожный покупатель".to_owned();
    p.quote = "我会先比较价格. Žinau, ko noriu — и не переплачиваю.".to_owned();
    for m in &mut p.modules {
        match &mut m.body {
            ModuleBody::Text { text } => {
                *text = format!("{} {} {}", lang("vi").bio, lang("zh").bio, lang("lt").bio)
            }
            ModuleBody::List { items } if m.id == "goals" => {
                *items = vec![
                    lang("en").goals[0].to_owned(),
                    lang("zh").goals[1].to_owned(),
                    lang("ru").goals[2].to_owned(),
                    lang("vi").goals[3].to_owned(),
                    lang("lt").goals[0].to_owned(),
                ]
            }
            ModuleBody::List { items } => {
                *items = vec![
                    lang("lt").pains[0].to_owned(),
                    lang("vi").pains[1].to_owned(),
                    lang("ru").pains[2].to_owned(),
                    lang("zh").pains[3].to_owned(),
                ]
            }
            ModuleBody::Tags { tags } => {
                *tags = ["Shopee", "淘宝", "Ozon", "Varle.lt", "Amazon"]
                    .iter()
                    .map(|s| (*s).to_owned())
                    .collect()
            }
            _ => {}
        }
    }
    p
}

/// A persona whose text is far longer than its boxes.
pub fn overlong() -> Persona {
    let mut p = persona("user-persona", "en");
    let long = lang("en").bio.repeat(6);
    for m in &mut p.modules {
        match &mut m.body {
            ModuleBody::Text { text } => *text = long.clone(),
            ModuleBody::List { items } if m.id == "goals" => {
                *items = (1..=24)
                    .map(|i| format!("Goal number {i}: {}", lang("en").goals[i % 4]))
                    .collect()
            }
            _ => {}
        }
    }
    p
}

/// Every visible string of a persona's sheet, in the order the sheet shows them.
pub fn visible_strings(p: &Persona) -> Vec<String> {
    let mut out = vec![p.name.clone(), p.archetype.clone(), p.quote.clone()];
    for m in &p.modules {
        if matches!(m.body, ModuleBody::Header) {
            continue;
        }
        out.push(m.title.to_uppercase());
        match &m.body {
            ModuleBody::Facts { rows } => {
                for r in rows.iter().filter(|r| !r.value.trim().is_empty()) {
                    out.push(r.label.clone());
                    out.push(r.value.clone());
                }
            }
            ModuleBody::Sliders { rows, .. } => {
                for r in rows {
                    out.push(r.left.clone());
                    out.push(r.right.clone());
                }
            }
            other if other.is_empty() => out.push(m.hint.clone()),
            other => out.extend(other.texts().into_iter().map(str::to_owned)),
        }
    }
    out.retain(|s| !s.trim().is_empty());
    out
}
