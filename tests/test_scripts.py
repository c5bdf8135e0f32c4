"""A short post in any of the world's scripts comes out: the prose evidence (words, sentence
ends) holds for scripts whose words are not parted by spaces and whose sentences end in marks
other than ".!?" (the danda, the Armenian and Ethiopic full stops, the Tibetan shad)."""

import pytest

from cleaner import clean

# Three sentences of one short news post ("the big ferry came back to the north quay on Monday
# morning after six weeks of repairs; ..."), written for this test in each language.
POSTS = {
    "ru": ["Большой паром вернулся к северному причалу в понедельник утром после шести недель ремонта.", "Рабочие заменили оба гребных вала и заново покрасили корпус судна.", "Первый рейс к островам отправился точно по расписанию в полдень."],
    "uk": ["Великий пором повернувся до північного причалу в понеділок вранці після шести тижнів ремонту.", "Робітники замінили обидва гребні вали та заново пофарбували корпус.", "Перший рейс до островів вирушив вчасно опівдні."],
    "el": ["Το μεγάλο πλοίο επέστρεψε στην βόρεια προβλήτα τη Δευτέρα το πρωί μετά από έξι εβδομάδες επισκευών.", "Οι τεχνικοί αντικατέστησαν και τους δύο άξονες και έβαψαν ξανά το κύτος.", "Το πρώτο δρομολόγιο προς τα νησιά αναχώρησε στην ώρα του το μεσημέρι."],
    "ka": ["დიდი ბორანი ორშაბათს დილით ჩრდილოეთ ნავმისადგომს დაუბრუნდა ექვსკვირიანი შეკეთების შემდეგ.", "მუშებმა ორივე ხრახნის ლილვი შეცვალეს და კორპუსი თავიდან შეღებეს.", "კუნძულებზე პირველი რეისი შუადღისას დროულად გავიდა."],
    "he": ["המעבורת הגדולה חזרה למזח הצפוני ביום שני בבוקר אחרי שישה שבועות של תיקונים.", "העובדים החליפו את שני צירי המדחף וצבעו מחדש את גוף הספינה.", "ההפלגה הראשונה לאיים יצאה בזמן בצהריים."],
    "ar": ["عادت العبارة الكبيرة إلى الرصيف الشمالي صباح يوم الاثنين بعد ستة أسابيع من الإصلاحات.", "استبدل العمال عمودي المروحة وأعادوا طلاء هيكل السفينة بالكامل.", "غادرت الرحلة الأولى إلى الجزر في موعدها عند الظهر."],
    "fa": ["کشتی بزرگ پس از شش هفته تعمیر صبح دوشنبه به اسکله شمالی بازگشت.", "کارگران هر دو محور پروانه را عوض کردند و بدنه را دوباره رنگ زدند.", "نخستین سفر به جزیره‌ها ظهر سر وقت انجام شد."],
    "tr": ["Büyük feribot altı haftalık onarımın ardından pazartesi sabahı kuzey iskelesine döndü.", "İşçiler her iki pervane milini değiştirdi ve gövdeyi yeniden boyadı.", "Adalara ilk sefer öğle saatinde zamanında yola çıktı."],
    "vi": ["Chiếc phà lớn đã trở lại bến phía bắc vào sáng thứ Hai sau sáu tuần sửa chữa.", "Công nhân đã thay cả hai trục chân vịt và sơn lại toàn bộ thân tàu.", "Chuyến đầu tiên ra đảo đã khởi hành đúng giờ vào buổi trưa."],
    "id": ["Kapal feri besar kembali ke dermaga utara pada Senin pagi setelah enam minggu perbaikan.", "Para pekerja mengganti kedua poros baling-baling dan mengecat ulang lambung kapal.", "Perjalanan pertama ke pulau-pulau berangkat tepat waktu pada siang hari."],
    "pl": ["Duży prom wrócił do północnego nabrzeża w poniedziałek rano po sześciu tygodniach remontu.", "Robotnicy wymienili oba wały śrubowe i pomalowali kadłub na nowo.", "Pierwszy rejs na wyspy wypłynął punktualnie w południe."],
    "ko": ["대형 여객선이 6주간의 수리를 마치고 월요일 아침 북쪽 부두로 돌아왔다.", "작업자들은 두 개의 프로펠러 축을 모두 교체하고 선체를 새로 칠했다.", "섬으로 가는 첫 운항은 정오에 제시간에 출발했다."],
    "ja": ["大型フェリーは六週間の修理を終え、月曜日の朝に北の桟橋へ戻った。", "作業員は二本のプロペラ軸を交換し、船体を塗り直した。", "島への最初の便は正午に定刻どおり出発した。"],
    "ta": ["ஆறு வார பழுதுபார்ப்புக்குப் பிறகு பெரிய படகு திங்கள்கிழமை காலை வடக்கு துறைமுகத்திற்குத் திரும்பியது.", "தொழிலாளர்கள் இரண்டு உந்துவிசை தண்டுகளையும் மாற்றி கப்பலுக்கு புதிய வண்ணம் பூசினர்.", "தீவுகளுக்கான முதல் பயணம் நண்பகலில் சரியான நேரத்தில் புறப்பட்டது."],
    "bn": ["ছয় সপ্তাহ মেরামতের পর বড় ফেরিটি সোমবার সকালে উত্তর ঘাটে ফিরে এসেছে।", "কর্মীরা দুটি প্রপেলার শ্যাফট বদলে পুরো জাহাজটি নতুন করে রং করেছেন।", "দ্বীপগুলোর উদ্দেশে প্রথম যাত্রা দুপুরে সময়মতো ছেড়ে গেছে।"],
    "am": ["ትልቁ ጀልባ ከስድስት ሳምንት ጥገና በኋላ ሰኞ ጠዋት ወደ ሰሜን ወደብ ተመለሰ።", "ሠራተኞቹ ሁለቱንም የመግፊያ ዘንጎች ቀይረው የመርከቡን አካል እንደገና ቀለም ቀቡ።", "ወደ ደሴቶቹ የሚደረገው የመጀመሪያው ጉዞ በቀትር በሰዓቱ ተነሳ።"],
    "hy": ["Մեծ լաստանավը վեց շաբաթ վերանորոգումից հետո երկուշաբթի առավոտյան վերադարձավ հյուսիսային նավամատույց։", "Աշխատողները փոխեցին պտուտակի երկու լիսեռները և նորից ներկեցին իրանը։", "Կղզիներ առաջին ուղևորությունը ժամանակին մեկնեց կեսօրին։"],
    "my": ["ကူးတို့သင်္ဘောကြီးသည် ခြောက်ပတ်ကြာ ပြုပြင်ပြီးနောက် တနင်္လာနေ့ နံနက်တွင် မြောက်ဘက်ဆိပ်ကမ်းသို့ ပြန်ရောက်လာသည်။", "အလုပ်သမားများသည် ပန်ကာဝင်ရိုးနှစ်ခုလုံးကို လဲလှယ်ပြီး သင်္ဘောကိုယ်ထည်ကို ဆေးပြန်သုတ်ခဲ့သည်။", "ကျွန်းများသို့ ပထမဆုံးခရီးစဉ်သည် မွန်းတည့်ချိန်တွင် အချိန်မှန် ထွက်ခွာခဲ့သည်။"],
    "si": ["සති හයක අලුත්වැඩියාවෙන් පසු විශාල පාරුව සඳුදා උදෑසන උතුරු තොටුපළට නැවත පැමිණියේය.", "සේවකයන් ප්‍රචාලක පතුවළ දෙකම මාරු කර නැවේ බඳ නැවත තීන්ත ආලේප කළහ.", "දූපත් වෙත පළමු ගමන දහවල් නියමිත වේලාවට පිටත් විය."],
    "ne": ["छ हप्ताको मर्मतपछि ठूलो डुङ्गा सोमबार बिहान उत्तरी घाटमा फर्कियो।", "कामदारहरूले दुवै प्रोपेलर शाफ्ट बदले र पूरै जहाजलाई नयाँ रङ लगाए।", "टापुहरूतर्फको पहिलो यात्रा मध्यान्हमा समयमै सुरु भयो।"],
    "sw": ["Kivuko kikubwa kilirudi kwenye gati la kaskazini Jumatatu asubuhi baada ya wiki sita za matengenezo.", "Wafanyakazi walibadilisha mihimili yote miwili ya rafadha na kupaka rangi upya.", "Safari ya kwanza kwenda visiwani iliondoka kwa wakati saa sita mchana."],
    "bo": ["གྲུ་ཆེན་པོ་དེ་བདུན་ཕྲག་དྲུག་གི་ཉམས་གསོ་རྗེས་གཟའ་ཟླ་བའི་ཞོགས་པར་བྱང་ཕྱོགས་ཀྱི་གྲུ་ཁར་ལོག་ཡོང་།", "ལས་མི་ཚོས་འཁོར་ལོའི་ཤིང་གཉིས་ཀ་བརྗེས་ནས་གྲུའི་གཟུགས་པོར་ཚོན་གསར་པ་བྱུགས།", "གླིང་ཕྲན་ལ་འགྲོ་བའི་འགྲུལ་བཞུད་དང་པོ་ཉིན་གུང་དུས་ཐོག་ཏུ་ཐོན།"],
}


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_a_short_post_beside_menus_comes_out_whole_in_every_script(lang):
    paragraphs = POSTS[lang]
    chrome = ["Home", "News", "Sport", "Weather", "Share", "Most read", "Water market opens on Saturdays",
              "Old bridge closed", "Contact", "Privacy"]
    page = "\n".join([*chrome[:4], "Ferry returns to the north quay", "12.03.2026", chrome[4], *paragraphs,
                      *chrome[5:]]) + "\n"
    kept = clean(page, mode="text").text.splitlines()
    assert kept == paragraphs


@pytest.mark.parametrize("line, prose", [
    ("ພະນັກງານໄດ້ປ່ຽນເພົາໃບພັດທັງສອງ ແລະ ທາສີເຮືອໃໝ່ທັງໝົດ", True),  # Lao: two long clauses, 52 characters
    ("เที่ยวแรกไปยังเกาะออกเดินทางตรงเวลา ผู้โดยสารดีใจมาก", True),  # Thai: the same shape
    ("หน้าแรก ข่าว กีฬา บันเทิง ติดต่อเรา นโยบาย", False),  # a Thai menu set on one line
    ("เรือข้ามฟากกลับมาให้บริการที่ท่าเรือเหนือ", False),  # a headline: one clause, 41 characters
])
def test_a_shorter_line_of_a_script_without_spaces_is_prose_by_its_clauses(line, prose):
    from cleaner.text.classify import Line, is_prose, word_count
    from cleaner.text.segment import Block

    assert is_prose(Line(Block(0, 0, len(line), line), [], word_count(line), False, line)) is prose
