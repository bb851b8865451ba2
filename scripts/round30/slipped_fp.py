"""Round 30's false-alarm probe for two slips in a surname (score::SLIPPED_SURNAME_SCORE).

    python3 scripts/round30/slipped_fp.py HOST:PORT_A HOST:PORT_B [--cyrillic]

Every listed given name and patronymic among round 29's exact listed names (Latin, `Given
Patronymic Surname`; scripts/round29/names/queries.jsonl, made by its gen.py when missing) is sent
with each surname of this file's own table of common Russian, Belarusian and Ukrainian surnames,
as a PERSON, to two servers on the Belarus lists; prints REVIEW and BLOCK counts of each and
every name whose decision differs. None of these is a listed person (a table surname that is
one's own listed surname would count, and is rare).

With --cyrillic, the listed given names and patronymics written in Cyrillic (round 29's exact
Cyrillic names) with this file's own table of common surnames in Cyrillic (SURN_CYR), for the
slips counted in Cyrillic letters (similarity::two_slips)."""
import json, os, subprocess, sys, concurrent.futures as cf
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'round29'))  # proto_stubs
from proto_stubs import pb, pbg as g  # noqa: E402
import grpc  # noqa: E402
NAMES = os.path.join(HERE, '..', 'round29', 'names')
QUERIES = os.path.join(NAMES, 'queries.jsonl')
SURN = """Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Nikitin Zakharov Zaitsev Soloviev Borisov Yakovlev Grigoriev Romanov Vorobiev Sergeev Kuzmin Frolov Aleksandrov Dmitriev Korolev Gusev Kiselev Ilyin Maksimov Polyakov Sorokin Vinogradov Kovalev Belov Medvedev Antonov Tarasov Zhukov Baranov Filippov Komarov Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov Matveev Titov Markov Mironov Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov Kazakov Afanasiev Danilov Savelyev Timofeev Fomin Chernov Abramov Martynov Efimov Fedotov Shcherbakov Nazarov Kalinin Isaev Chernyshev Bykov Maslov Rodionov Konovalov Lazarev Voronin Klimov Filatov Ponomarev Golubev Kudryavtsev Prokhorov Naumov Potapov Zhuravlev Ovchinnikov Trofimov Leonov Sobolev Ermakov Kolesnikov Goncharov Emelyanov Nikiforov Grachev Kotov Grishin Efremov Arkhipov Gromov Kirillov Malyshev Panov Moiseev Rumyantsev Akimov Kondratiev Biryukov Gorbunov Anisimov Eremin Tikhomirov Galkin Lukyanov Mikheev Skvortsov Yudin Belousov Nesterov Simonov Prokofiev Kharitonov Knyazev Tsvetkov Levin Mitrofanov Voronov Aksenov Sofronov Maltsev Loginov Gorshkov Savin Krasnov Mayorov Demidov Eliseev Rybakov Safonov Plotnikov Demin Khokhlov Fadeev Molchanov Ignatov Litvinov Ershov Ushakov Dementiev Ryabov Mukhin Kalashnikov Leontiev Lobanov Kuzin Korneev Evdokimov Borodin Platonov Nekrasov Balashov Bobrov Zhdanov Blinov Ignatiev Korotkov Muravyov Kryukov Belyakov Bogomolov Drozdov Lavrov Zuev Petukhov Larin Nikulin Serov Terentiev Zotov Ustinov Fokin Samoilov Konstantinov Sakharov Shishkin Samsonov Cherkasov Chistyakov Nosov Spiridonov Karasev Avdeev Vorontsov Zverev Vladimirov Seleznev Nechaev Kudryashov Sedov Firsov Andrianov Panin Golovin Terekhov Ulyanov Shestakov Ageev Nikonov Seliverstov Bazhenov Gordeev Kozhevnikov Pakhomov Zimin Kostin Shirokov Filimonov Larionov Ovsyannikov Sazonov Suvorov Nefedov Kornilov Lyubimov Lvov Gorbachev Kopylov Lukin Tokarev Kuleshov Shilov Bolshakov Pankratov Rodin Shapovalov Pokrovsky Bocharov Nikolsky Markin Gorelov Agafonov Berezin Ermolaev Zubkov Kupriyanov Trifonov Maslennikov Kruglov Tretyakov Kolosov Rozhkov Artamonov Shmelev Laptev Lapshin Fedoseev Zinoviev Zorin Utkin Stolyarov Zubov Tkachev Dorofeev Antipov Zavyalov Sviridov Zolotarev Kulakov Meshcheryakov Makeev Dyakonov Guryev Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliinyk Shevchuk Koval Polishchuk Boyko Tkachuk Marchenko Lysenko Rudenko Savchenko Petrenko Novik Kovalchuk Karpenko Melnik Sidorenko Moroz Pavlenko Kuzmenko Lukyanenko Yakovenko Levchenko Klimenko Ostapenko Kozak Vasilenko Zhuk Kozlovsky Mikhalevich Yankovsky Kovalevich Marchuk Voitovich Vasilevich Makarevich Radkevich Zhukovsky Shulga Novitsky Levkovich Grinevich Kotovich Lukashevich Kuzmich Romanovich Sinkevich Yakubovich Shimanovich Pashkevich Dubrovsky Savitsky Golub Karpovich Bogdanovich Ermakovich Kazakevich Baranovsky Kravets Kovalyov Sokolovsky Stankevich""".split()
SURN_CYR = """Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов Аксёнов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников Дёмин Хохлов Фадеев Молчанов Игнатов Литвинов Ершов Ушаков Дементьев Рябов Мухин Калашников Леонтьев Лобанов Кузин Корнеев Евдокимов Бородин Платонов Некрасов Балашов Бобров Жданов Блинов Коротков Муравьёв Крюков Беляков Богомолов Дроздов Лавров Зуев Петухов Ларин Никулин Серов Зотов Устинов Фокин Самойлов Сахаров Шишкин Самсонов Черкасов Чистяков Носов Спиридонов Карасёв Авдеев Воронцов Зверев Владимиров Селезнёв Нечаев Кудряшов Седов Фирсов Панин Головин Терехов Ульянов Шестаков Агеев Никонов Баженов Гордеев Кожевников Пахомов Зимин Костин Широков Филимонов Ларионов Сазонов Суворов Корнилов Любимов Горбачёв Копылов Лукин Токарев Кулешов Шилов Большаков Родин Шаповалов Покровский Бочаров Никольский Маркин Горелов Агафонов Березин Ермолаев Зубков Трифонов Круглов Третьяков Колосов Рожков Артамонов Шмелёв Лаптев Лапшин Федосеев Зиновьев Зорин Уткин Столяров Зубов Ткачёв Дорофеев Антипов Завьялов Свиридов Золотарёв Кулаков Мещеряков Макеев Дьяконов Гурьев Шевченко Коваленко Бондаренко Ткаченко Кравченко Олейник Шевчук Коваль Полищук Бойко Ткачук Марченко Лысенко Руденко Савченко Петренко Новик Ковальчук Карпенко Мельник Сидоренко Мороз Павленко Кузьменко Лукьяненко Яковенко Левченко Клименко Остапенко Козак Василенко Жук Козловский Михалевич Янковский Ковалевич Марчук Войтович Василевич Макаревич Радкевич Жуковский Шульга Новицкий Левкович Гриневич Котович Лукашевич Кузьмич Романович Синкевич Якубович Шиманович Пашкевич Дубровский Савицкий Голуб Карпович Богданович Ермакович Казакевич Барановский Кравец Сокаловский Станкевич Шчарбакоў Кавалёў Навіцкі Жукоўскі Ціханаў Бандарэнка Лукашэвіч Шымановіч Чарнышоў Мароз Казлоў Дзянісаў""".split()
def main():
    pa, pb_ = sys.argv[1], sys.argv[2]  # HOST:PORT each
    cyr = '--cyrillic' in sys.argv[3:]
    base = []
    seen=set()
    if not os.path.exists(QUERIES):
        subprocess.check_call([sys.executable, 'gen.py', 'queries.jsonl'], cwd=NAMES)
    for l in open(QUERIES):
        q = json.loads(l)
        if q['family'] != 'P00_exact' or q['script'] != ('cyr' if cyr else 'lat'): continue
        if not cyr and q.get('nmid') != 1: continue
        w = q['party']['name'].split()
        if len(w) != 3: continue
        # GPS order only (patronymic in the middle ends like one)
        if not w[1].lower().endswith(('vich','vna','ich','auna','ovna','evna','ichna','vitj','vic',
                                      'вич','вна','віч','вiч','ўна','ична')): continue
        k=(w[0].lower(),w[1].lower())
        if k in seen: continue
        seen.add(k); base.append((w[0], w[1], w[2]))
    qs = [f"{gn} {pn} {s}" for gn, pn, _ in base for s in (SURN_CYR if cyr else SURN)]
    def run(port):
        st = g.ScreeningServiceStub(grpc.insecure_channel(port))
        def one(n):
            r = st.ScreenParty(pb.ScreenPartyRequest(party=pb.Party(name=n, type=1)))
            return (pb.Decision.Name(r.decision), r.matches[0].listed_name if r.matches else '', round(r.matches[0].score,3) if r.matches else 0)
        with cf.ThreadPoolExecutor(8) as ex: return list(ex.map(one, qs))
    ra, rb = run(pa), run(pb_)
    print(len(base), 'listed given+patronymic pairs x', len(SURN_CYR if cyr else SURN), 'surnames =', len(qs))
    for lab, r in (('A', ra), ('B', rb)):
        print(lab, 'REVIEW', sum(x[0]=='REVIEW' for x in r), 'BLOCK', sum(x[0]=='BLOCK' for x in r))
    for q, a, b in zip(qs, ra, rb):
        if a[0] != b[0]: print('  ', q, a, '->', b)
if __name__ == '__main__':
    main()
