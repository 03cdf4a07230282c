/**
 * The stories the benchmark corpus is about. Each theme is a dossier topic
 * (slug, title, description, the terms that put an article under it) plus
 * what articles on it talk about: events, the registry's people, places and
 * organisations that appear in them (by registry id), and short noun phrases
 * for headings. Constant data; entities.ts resolves the ids.
 */

/** One story of the corpus. */
export interface Theme {
  slug: string
  title: string
  description: string
  /** Topic terms: every article of the theme contains at least one, as written here. */
  terms: readonly string[]
  /** Events as definite noun phrases ("الهجوم الإسرائيلي على الدوحة"). */
  events: readonly string[]
  /** Short noun phrases for headings and headlines. */
  nounPhrases: readonly string[]
  countries: readonly string[]
  places: readonly string[]
  persons: readonly string[]
  organizations: readonly string[]
}

export const themes: readonly Theme[] = [
  {
    slug: 'defence-cooperation',
    title: 'التعاون الدفاعي القطري الأمريكي',
    description: 'اتفاقيات التعاون الدفاعي بين قطر والولايات المتحدة وقاعدة العديد الجوية.',
    terms: ['اتفاقية التعاون الدفاعي', 'اتفاق دفاعي', 'قاعدة العديد'],
    events: ['الهجوم الإسرائيلي على الدوحة', 'الحوار الاستراتيجي القطري الأمريكي', 'تعديل اتفاقية التعاون الدفاعي', 'زيارة وزير الخارجية الأمريكي إلى الدوحة', 'توسعة قاعدة العديد الجوية'],
    nounPhrases: ['الاتفاقية الدفاعية', 'الشراكة الأمنية', 'الوجود العسكري الأمريكي', 'قاعدة العديد', 'التعاون الدفاعي'],
    countries: ['qatar', 'united-states', 'israel', 'egypt'],
    places: ['doha', 'al-udeid-air-base', 'washington', 'lusail', 'middle-east'],
    persons: ['marco-rubio', 'tamim-bin-hamad-al-thani', 'mohammed-bin-abdulrahman-al-thani', 'majed-al-ansari', 'donald-trump', 'antony-blinken', 'lloyd-austin', 'pete-hegseth', 'steve-witkoff', 'khalid-al-attiyah'],
    organizations: ['centcom', 'qatar-ministry-of-defence', 'united-states-department-of-state', 'amiri-diwan', 'qatar-armed-forces', 'afcent']
  },
  {
    slug: 'gaza-ceasefire',
    title: 'مفاوضات وقف إطلاق النار في غزة',
    description: 'الوساطة القطرية والمصرية والأمريكية بين إسرائيل وحماس، وصفقات تبادل الأسرى.',
    terms: ['وقف إطلاق النار في غزة', 'صفقة تبادل الأسرى', 'المفاوضات غير المباشرة'],
    events: ['الحرب على قطاع غزة', 'انهيار الهدنة', 'القصف الإسرائيلي على رفح', 'إغلاق معبر رفح', 'الإفراج عن دفعة جديدة من الأسرى'],
    nounPhrases: ['الهدنة الإنسانية', 'صفقة الأسرى', 'الوساطة القطرية المصرية', 'المساعدات الإنسانية', 'اليوم التالي للحرب'],
    countries: ['qatar', 'egypt', 'israel', 'palestine', 'united-states'],
    places: ['gaza-strip', 'rafah', 'khan-yunis', 'rafah-crossing', 'cairo', 'doha', 'tel-aviv', 'gaza-city'],
    persons: ['khalil-al-hayya', 'benjamin-netanyahu', 'steve-witkoff', 'mohammed-bin-abdulrahman-al-thani', 'abdel-fattah-el-sisi', 'hassan-rashad', 'ismail-haniyeh', 'antonio-guterres', 'philippe-lazzarini', 'israel-katz'],
    organizations: ['hamas', 'israel-defense-forces', 'unrwa', 'gaza-ministry-of-health', 'icrc', 'qassam-brigades', 'un-security-council']
  },
  {
    slug: 'red-sea-shipping',
    title: 'الملاحة في البحر الأحمر',
    description: 'هجمات الحوثيين على السفن التجارية والضربات الأمريكية على اليمن.',
    terms: ['الملاحة في البحر الأحمر', 'هجمات الحوثيين', 'باب المندب'],
    events: ['استهداف سفينة تجارية قبالة الحديدة', 'الضربات الأمريكية على صنعاء', 'تحويل مسار السفن إلى رأس الرجاء الصالح', 'إطلاق صواريخ باتجاه إيلات'],
    nounPhrases: ['أمن الملاحة', 'حركة الشحن', 'تكاليف التأمين البحري', 'التحالف البحري', 'قناة السويس'],
    countries: ['yemen', 'united-states', 'egypt', 'saudi-arabia', 'united-kingdom', 'iran'],
    places: ['red-sea', 'bab-el-mandeb', 'hodeidah', 'sanaa', 'suez-canal', 'gulf-of-aden', 'eilat'],
    persons: ['yahya-saree', 'abdul-malik-al-houthi', 'mohammed-abdulsalam', 'hans-grundberg', 'rashad-al-alimi', 'pete-hegseth', 'brad-cooper'],
    organizations: ['us-navy', 'us-fifth-fleet', 'centcom', 'united-nations']
  },
  {
    slug: 'iran-nuclear',
    title: 'الملف النووي الإيراني',
    description: 'المفاوضات على البرنامج النووي الإيراني وعمليات التفتيش والعقوبات.',
    terms: ['البرنامج النووي الإيراني', 'تخصيب اليورانيوم', 'الاتفاق النووي'],
    events: ['الضربات على منشأة فوردو', 'جولة المفاوضات في مسقط', 'تقرير الوكالة الدولية للطاقة الذرية', 'إعادة فرض العقوبات الأممية'],
    nounPhrases: ['الملف النووي', 'عمليات التفتيش', 'آلية الزناد', 'مخزون اليورانيوم المخصب', 'المفاوضات النووية'],
    countries: ['iran', 'united-states', 'oman', 'france', 'germany', 'united-kingdom', 'russia', 'china'],
    places: ['tehran', 'fordow', 'natanz', 'muscat', 'vienna', 'isfahan', 'bushehr-nuclear-plant'],
    persons: ['abbas-araghchi', 'masoud-pezeshkian', 'ali-khamenei', 'rafael-grossi', 'badr-albusaidi', 'esmaeil-baghaei', 'steve-witkoff', 'mohammad-javad-zarif', 'ali-larijani'],
    organizations: ['iaea', 'irgc', 'un-security-council', 'european-union', 'iran-ministry-of-foreign-affairs']
  },
  {
    slug: 'syria-transition',
    title: 'المرحلة الانتقالية في سوريا',
    description: 'سوريا بعد سقوط النظام: الحكومة الانتقالية، العقوبات، إعادة الإعمار.',
    terms: ['المرحلة الانتقالية في سوريا', 'إعادة الإعمار', 'العقوبات على سوريا'],
    events: ['سقوط نظام الأسد', 'رفع العقوبات الأمريكية', 'مؤتمر المانحين في بروكسل', 'الاشتباكات في السويداء', 'عودة اللاجئين من تركيا'],
    nounPhrases: ['الحكومة الانتقالية', 'الإعلان الدستوري', 'عودة اللاجئين', 'إعادة الإعمار', 'الجيش السوري الجديد'],
    countries: ['syria', 'turkiye', 'saudi-arabia', 'qatar', 'united-states', 'jordan'],
    places: ['damascus', 'aleppo', 'idlib', 'homs', 'suwayda', 'deir-ez-zor', 'latakia', 'palmyra'],
    persons: ['ahmed-al-sharaa', 'asaad-al-shaibani', 'murhaf-abu-qasra', 'anas-khattab', 'tom-barrack', 'hakan-fidan', 'bashar-al-assad'],
    organizations: ['hayat-tahrir-al-sham', 'sdf', 'syria-ministry-of-foreign-affairs', 'unhcr', 'world-bank']
  },
  {
    slug: 'sudan-war',
    title: 'الحرب في السودان',
    description: 'الحرب بين الجيش السوداني وقوات الدعم السريع والأزمة الإنسانية.',
    terms: ['الحرب في السودان', 'قوات الدعم السريع', 'الأزمة الإنسانية في السودان'],
    events: ['حصار مدينة الفاشر', 'معارك أم درمان', 'مفاوضات جدة', 'انتشار الكوليرا في دارفور'],
    nounPhrases: ['الهدنة الإنسانية', 'ممرات الإغاثة', 'النزوح الجماعي', 'المجاعة', 'منبر جدة'],
    countries: ['sudan', 'egypt', 'saudi-arabia', 'united-arab-emirates', 'chad', 'south-sudan'],
    places: ['khartoum', 'el-fasher', 'omdurman', 'darfur', 'port-sudan', 'gezira-state'],
    persons: ['abdel-fattah-al-burhan', 'mohamed-hamdan-dagalo', 'tom-fletcher', 'tedros-adhanom-ghebreyesus', 'antonio-guterres'],
    organizations: ['rapid-support-forces', 'sudanese-armed-forces', 'world-food-programme', 'ocha', 'african-union', 'msf']
  },
  {
    slug: 'gulf-energy',
    title: 'الطاقة في الخليج',
    description: 'الغاز الطبيعي المسال، أسعار النفط وقرارات أوبك بلس.',
    terms: ['الغاز الطبيعي المسال', 'أسعار النفط', 'أوبك بلس'],
    events: ['توسعة حقل الشمال', 'اجتماع أوبك بلس الوزاري', 'تراجع أسعار خام برنت', 'توقيع عقد توريد طويل الأجل'],
    nounPhrases: ['سوق الطاقة', 'صادرات الغاز', 'خفض الإنتاج', 'التحول في قطاع الطاقة', 'حقل الشمال'],
    countries: ['qatar', 'saudi-arabia', 'united-arab-emirates', 'kuwait', 'china', 'germany', 'japan', 'india'],
    places: ['ras-laffan', 'doha', 'riyadh', 'vienna', 'persian-gulf', 'strait-of-hormuz'],
    persons: ['mohammed-bin-salman', 'tamim-bin-hamad-al-thani', 'mohamed-bin-zayed', 'vladimir-putin', 'narendra-modi'],
    organizations: ['qatarenergy', 'saudi-aramco', 'opec', 'opec-plus', 'imf']
  },
  {
    slug: 'lebanon',
    title: 'لبنان والجنوب',
    description: 'الحدود اللبنانية الإسرائيلية، قوات اليونيفيل وانتخاب رئيس للجمهورية.',
    terms: ['جنوب لبنان', 'قوات اليونيفيل', 'القرار 1701'],
    events: ['الغارات الإسرائيلية على الضاحية الجنوبية', 'انتخاب رئيس للجمهورية', 'اتفاق وقف الأعمال العدائية', 'انتشار الجيش اللبناني جنوب الليطاني'],
    nounPhrases: ['حصرية السلاح', 'الحدود الجنوبية', 'الإصلاحات المالية', 'إعادة إعمار الجنوب', 'الاستحقاق الرئاسي'],
    countries: ['lebanon', 'israel', 'france', 'united-states', 'iran', 'saudi-arabia'],
    places: ['beirut', 'south-lebanon', 'dahieh', 'litani', 'tyre', 'nabatieh', 'bekaa'],
    persons: ['joseph-aoun', 'nawaf-salam', 'nabih-berri', 'naim-qassem', 'amos-hochstein', 'youssef-rajji', 'emmanuel-macron'],
    organizations: ['hezbollah', 'unifil', 'lebanese-army', 'lebanese-parliament', 'imf']
  },
  {
    slug: 'climate-water',
    title: 'المناخ والمياه',
    description: 'التغير المناخي وشح المياه ومؤتمرات الأطراف في المنطقة.',
    terms: ['التغير المناخي', 'شح المياه', 'مؤتمر الأطراف'],
    events: ['موجة الحر القياسية', 'انخفاض منسوب نهر الفرات', 'مؤتمر الأطراف في دبي', 'السيول في جنوب اليمن'],
    nounPhrases: ['الأمن المائي', 'تحلية المياه', 'الطاقة النظيفة', 'التمويل المناخي', 'الجفاف'],
    countries: ['iraq', 'egypt', 'united-arab-emirates', 'jordan', 'morocco', 'ethiopia'],
    places: ['euphrates', 'tigris', 'nile', 'dubai', 'sharm-el-sheikh', 'dead-sea'],
    persons: ['antonio-guterres', 'mohamed-bin-zayed', 'abdel-fattah-el-sisi', 'mohammed-shia-al-sudani'],
    organizations: ['united-nations', 'world-bank', 'unicef', 'world-food-programme']
  },
  {
    slug: 'trade-investment',
    title: 'التجارة والاستثمار',
    description: 'الاستثمارات الخليجية والتبادل التجاري وقروض صندوق النقد الدولي.',
    terms: ['التبادل التجاري', 'الاستثمارات الأجنبية', 'صندوق النقد الدولي'],
    events: ['المنتدى الاقتصادي في الدوحة', 'قمة مجموعة العشرين', 'فرض الرسوم الجمركية الأمريكية', 'مراجعة برنامج القرض'],
    nounPhrases: ['مناخ الاستثمار', 'الصناديق السيادية', 'الرسوم الجمركية', 'سعر الصرف', 'الدين العام'],
    countries: ['qatar', 'egypt', 'turkiye', 'china', 'united-states', 'pakistan', 'jordan', 'tunisia'],
    places: ['doha', 'cairo', 'istanbul', 'beijing', 'london', 'new-york', 'riyadh'],
    persons: ['kristalina-georgieva', 'scott-bessent', 'mostafa-madbouly', 'recep-tayyip-erdogan', 'xi-jinping', 'li-qiang', 'donald-trump'],
    organizations: ['imf', 'world-bank', 'qatar-investment-authority', 'wto', 'g20', 'brics']
  }
]
