"""Given-name equivalences written for this benchmark: Russian | Belarusian | Ukrainian Cyrillic,
Polish/Lithuanian forms, Latin Belarusian passport forms, diminutives (Latin and Cyrillic)."""
G = [
 # ru,        by,            ua,            pl,          lt,            by_lat (passport),      diminutives
 ('Александр','Аляксандр','Олександр','Aleksander','Aleksandras',['Aliaksandr','Alyaksandr','Ales'],['Sasha','Sasha','Shura','Саша']),
 ('Алексей','Аляксей','Олексій','Aleksy','Aleksejus',['Aliaksei','Alyaksey'],['Alyosha','Lyosha','Алёша']),
 ('Андрей','Андрэй','Андрій','Andrzej','Andrejus',['Andrei'],['Andryusha','Андрюша']),
 ('Анатолий','Анатоль','Анатолій','Anatol','Anatolijus',['Anatol'],['Tolya','Толя']),
 ('Валерий','Валерый','Валерій','Walery','Valerijus',['Valery','Valeryi'],['Valera','Валера']),
 ('Василий','Васіль','Василь','Wasyl','Vasilijus',['Vasil','Vasili'],['Vasya','Вася']),
 ('Виктор','Віктар','Віктор','Wiktor','Viktoras',['Viktar'],['Vitya','Витя']),
 ('Владимир','Уладзімір','Володимир','Włodzimierz','Vladimiras',['Uladzimir','Uladzimer'],['Volodya','Vova','Володя']),
 ('Вадим','Вадзім','Вадим','Wadim','Vadimas',['Vadzim'],['Vadik','Вадик']),
 ('Геннадий','Генадзь','Геннадій','Giennadij','Genadijus',['Henadz','Genadz'],['Gena','Гена']),
 ('Дмитрий','Дзмітрый','Дмитро','Dymitr','Dmitrijus',['Dzmitry','Dzmitryi'],['Dima','Dimа','Дима']),
 ('Евгений','Яўген','Євген','Eugeniusz','Jevgenijus',['Yauhen','Yauheni','Ihar'][:2],['Zhenya','Женя']),
 ('Иван','Іван','Іван','Jan','Ivanas',['Ivan'],['Vanya','Ваня']),
 ('Игорь','Ігар','Ігор','Igor','Igoris',['Ihar'],['Igoryok','Игорёк']),
 ('Константин','Канстанцін','Костянтин','Konstanty','Konstantinas',['Kanstantsin'],['Kostya','Костя']),
 ('Леонид','Леанід','Леонід','Leonid','Leonidas',['Leanid'],['Lyonya','Лёня']),
 ('Михаил','Міхаіл','Михайло','Michał','Michailas',['Mikhail','Mikhas'],['Misha','Миша']),
 ('Николай','Мікалай','Микола','Mikołaj','Nikolajus',['Mikalai','Mikalay'],['Kolya','Коля']),
 ('Олег','Алег','Олег','Oleg','Olegas',['Aleh'],['Olezhka','Олежка']),
 ('Павел','Павел','Павло','Paweł','Pavelas',['Pavel','Paval'],['Pasha','Паша']),
 ('Петр','Пётр','Петро','Piotr','Piotras',['Piotr','Piatro'],['Petya','Петя']),
 ('Сергей','Сяргей','Сергій','Sergiusz','Sergejus',['Siarhei','Siarhey','Syarhei'],['Seryozha','Sergey','Серёжа'][:1]+['Серёжа']),
 ('Юрий','Юрый','Юрій','Jerzy','Jurijus',['Yury','Yuryi'],['Yura','Юра']),
 ('Вячеслав','Вячаслаў','Вячеслав','Wiaczesław','Viačeslavas',['Viachaslau','Vyachaslau'],['Slava','Слава']),
 ('Григорий','Рыгор','Григорій','Grzegorz','Grigorijus',['Ryhor','Hryhory'],['Grisha','Гриша']),
 ('Максим','Максім','Максим','Maksym','Maksimas',['Maksim'],['Maks','Макс']),
 ('Роман','Раман','Роман','Roman','Romanas',['Raman'],['Roma','Рома']),
 ('Артем','Арцём','Артем','Artiom','Artiomas',['Artsiom','Artsem'],['Tyoma','Тёма']),
 ('Денис','Дзяніс','Денис','Denis','Denisas',['Dzianis','Dzmitry'][:1],['Denis','Дениска'][1:]),
 ('Илья','Ілля','Ілля','Ilja','Iljа',['Illia','Illya'],['Ilyusha','Илюша']),
 ('Степан','Сцяпан','Степан','Stefan','Stepanas',['Stsiapan','Stiapan'],['Styopa','Стёпа']),
 ('Федор','Фёдар','Федір','Teodor','Fiodoras',['Fiodar','Fyodar'],['Fedya','Федя']),
 ('Борис','Барыс','Борис','Borys','Borisas',['Barys'],['Borya','Боря']),
 ('Семен','Сямён','Семен','Szymon','Semionas',['Siamion'],['Syoma','Сёма']),
 ('Иосиф','Язэп','Йосип','Józef','Juozapas',['Yazep'],['Osya']),
 ('Петр','Пятро','Петро','Piotr','Petras',['Piatro'],['Petya']),
 ('Наталья','Наталля','Наталія','Natalia','Natalija',['Natallia','Natallya'],['Natasha','Наташа']),
 ('Елена','Алена','Олена','Helena','Jelena',['Alena','Aliona'],['Lena','Лена']),
 ('Ольга','Вольга','Ольга','Olga','Olga',['Volha'],['Olya','Оля']),
 ('Ирина','Ірына','Ірина','Irena','Irina',['Iryna'],['Ira','Ира']),
 ('Татьяна','Таццяна','Тетяна','Tatiana','Tatjana',['Tatsiana','Tatsyana'],['Tanya','Таня']),
 ('Светлана','Святлана','Світлана','Swietłana','Svetlana',['Sviatlana','Svyatlana'],['Sveta','Света']),
 ('Людмила','Людміла','Людмила','Ludmiła','Liudmila',['Liudmila','Ludmila'],['Lyuda','Люда']),
 ('Лидия','Лідзія','Лідія','Lidia','Lidija',['Lidziya','Lidzia'],['Lida','Лида']),
 ('Марина','Марына','Марина','Maryna','Marina',['Maryna'],['Marinka']),
 ('Анна','Ганна','Ганна','Anna','Ona',['Hanna','Ganna'],['Anya','Аня']),
 ('Екатерина','Кацярына','Катерина','Katarzyna','Jekaterina',['Katsiaryna','Katsyaryna'],['Katya','Катя']),
 ('Мария','Марыя','Марія','Maria','Marija',['Maryia','Maryja'],['Masha','Маша']),
 ('Юлия','Юлія','Юлія','Julia','Julija',['Yuliya','Yulia'],['Yulya','Юля']),
 ('Галина','Галіна','Галина','Halina','Galina',['Halina'],['Galya','Галя']),
 ('Валентина','Валянціна','Валентина','Walentyna','Valentina',['Valiantsina'],['Valya','Валя']),
 ('Надежда','Надзея','Надія','Nadzieja','Nadežda',['Nadzeya','Nadzeja'],['Nadya','Надя']),
 ('Лилия','Лілія','Лілія','Lilia','Lilija',['Liliya'],['Lilya']),
 ('Инна','Іна','Інна','Inna','Ina',['Ina'],['Inochka']),
 ('Вера','Вера','Віра','Wiera','Vera',['Vera','Viera'],['Verochka']),
 ('Алина','Аліна','Аліна','Alina','Alina',['Alina'],['Alinka']),
]
# extra common names for negatives (Latin; ru forms) and surnames
NEG_GIVEN_M = ['Aleksandr','Aleksei','Andrei','Anatoly','Valery','Vasily','Viktor','Vladimir','Vadim','Gennady','Dmitry','Evgeny','Ivan','Igor','Konstantin','Leonid','Mikhail','Nikolai','Oleg','Pavel','Petr','Sergei','Yury','Vyacheslav','Grigory','Maksim','Roman','Artem','Denis','Ilya','Stepan','Fedor','Boris','Semen','Timofei','Kirill','Nikita','Egor','Matvei','Arseny','Ruslan','Stanislav','Yaroslav','Gleb','Bogdan','Eduard','Vitaly','Anton','Mark','Lev','Ignat','Filipp','Zakhar','Arkady','Rostislav','Taras','Yan','Tikhon','Savely','Platon']
NEG_GIVEN_F = ['Natalya','Elena','Olga','Irina','Tatyana','Svetlana','Lyudmila','Lidia','Marina','Anna','Ekaterina','Maria','Yulia','Galina','Valentina','Nadezhda','Vera','Alina','Darya','Polina','Kseniya','Anastasia','Viktoria','Oksana','Zoya','Larisa','Veronika','Alla','Sofia','Yana','Angelina','Diana','Kristina','Evgenia','Margarita','Zhanna','Raisa','Tamara','Nina','Lyubov','Antonina','Snezhana']
FATHER = ['Aleksandr','Aleksei','Andrei','Anatoli','Valeri','Vasili','Viktor','Vladimir','Vadim','Gennadi','Dmitri','Evgeni','Ivan','Igor','Konstantin','Leonid','Mikhail','Nikolai','Oleg','Pavel','Petr','Sergei','Yuri','Grigori','Maksim','Roman','Stepan','Fedor','Boris','Semen','Kirill','Egor','Eduard','Vitali','Anton','Ilya','Stanislav','Yakov','Timofei','Arkadi']
def patronymic(father, fem):
    f = father
    if f.endswith('i'):
        stem = f[:-1] + ('y' if f[-2] not in 'aeiou' else '')
        base = f[:-1]
        return base + ('yevna' if fem else 'yevich')
    if f in ('Ilya',):
        return 'Ilyinichna' if fem else 'Ilyich'
    if f.endswith('ei'):
        return f[:-2] + ('eyevna' if fem else 'eyevich')
    return f + ('ovna' if fem else 'ovich')
NEG_SURNAMES = ['Ivanov','Smirnov','Kuznetsov','Popov','Vasilev','Petrov','Sokolov','Mikhailov','Novikov','Fedorov','Morozov','Volkov','Alekseev','Lebedev','Semenov','Egorov','Pavlov','Kozlov','Stepanov','Nikolaev','Orlov','Andreev','Makarov','Nikitin','Zakharov','Zaitsev','Soloviev','Borisov','Yakovlev','Grigoriev','Romanov','Vorobiev','Sergeev','Kuzmin','Frolov','Aleksandrov','Dmitriev','Korolev','Gusev','Kiselev','Ilyin','Maksimov','Polyakov','Sorokin','Vinogradov','Kovalev','Belov','Medvedev','Antonov','Tarasov','Zhukov','Baranov','Filippov','Komarov','Davydov','Belyaev','Gerasimov','Bogdanov','Osipov','Sidorov','Matveev','Titov','Markov','Mironov','Krylov','Kulikov','Karpov','Vlasov','Melnikov','Denisov','Gavrilov','Tikhonov','Kazakov','Afanasiev','Danilov','Savelev','Timofeev','Fomin','Chernov','Abramov','Martynov','Efimov','Fedotov','Shcherbakov','Nazarov','Kalinin','Isaev','Chernyshev','Bykov','Maslov','Rodionov','Konovalov','Lazarev','Voronin','Klimov','Filatov','Ponomarev','Golubev','Kudryavtsev','Prokhorov','Naumov','Potapov','Zhuravlev','Ovchinnikov','Trofimov','Leonov','Sobolev','Ermakov','Kolesnikov','Goncharov','Emelyanov','Nikiforov','Grachev','Kotov','Grishin','Efremov','Arkhipov','Gromov','Kirillov','Malyshev','Panov','Moiseev','Rumyantsev','Akimov','Kondratiev','Biryukov','Gorbunov','Anisimov','Eremin','Tikhomirov','Galkin','Lukyanov','Mikheev','Skvortsov','Yudin','Belousov','Nesterov','Simonov','Prokofiev','Kharitonov','Knyazev','Tsvetkov','Levin','Mitrofanov','Voronov','Aksenov','Sofronov','Maltsev','Loginov','Gorshkov','Savin','Krasnov','Mayorov','Demidov','Eliseev','Rybakov','Safonov','Plotnikov','Demin','Khokhlov','Fadeev','Molchanov','Ignatov','Litvinov','Ershov','Ushakov','Dementiev','Ryabov','Mukhin','Kalashnikov','Leontiev','Lobanov','Kuzin','Korneev','Evdokimov','Borodin','Platonov','Nekrasov','Balashov','Bobrov','Zhdanov','Blinov','Ignatiev','Korotkov','Muravyov','Kryukov','Belyakov','Bogomolov','Drozdov','Lavrov','Zuev','Petukhov','Larin','Nikulin','Serov','Terentiev','Zotov','Ustinov','Fokin','Samoylov','Konstantinov','Sazonov','Shubin','Kovalenko','Bondarenko','Tkachenko','Kravchenko','Shevchenko','Boyko','Melnyk','Kovalchuk','Oliinyk','Marchenko','Lysenko','Rudenko','Savchenko','Petrenko','Moroz','Klimenko','Pavlenko','Levchenko','Kharchenko','Ponomarenko','Vlasenko','Yurchenko','Sydorenko','Karpenko','Zhuk','Novik','Kovalyov','Shuba','Kozel','Karpovich','Yaskevich','Sushko','Vasilevich','Zhdanovich','Kaminsky','Yakimovich','Sidorovich','Radkevich','Savitsky','Grinevich','Lapitsky','Mikhalevich','Tarasevich','Budko','Kulesh','Lis','Bogdanovich','Navumchyk','Kazlou','Bialiatski','Astapenka','Dubovik','Makarevich','Zhukovsky','Malinovsky','Yanushkevich','Shimanovich','Kuzmich','Bychkovsky','Yurkevich','Ryabtsev','Tsybulsky','Klimovich','Gurinovich','Krasovsky','Dashkevich','Marchuk','Shklyar','Tsarenko','Loban','Moskalenko','Kurilovich','Zayats','Matskevich','Borisevich','Kisel','Naumchik','Rusakovich','Latushko','Zenkovich','Hrynevich','Mitskevich','Dovnar','Yermak','Kolb','Pashkevich','Tsvirko','Skorynka','Zabolotsky','Nowak','Kowalski','Wiśniewski','Wójcik','Kowalczyk','Kamiński','Lewandowski','Zieliński','Szymański','Woźniak','Dąbrowski','Kozłowski','Jankowski','Mazur','Kwiatkowski','Krawczyk','Piotrowski','Grabowski','Pawłowski','Michalski','Kazlauskas','Jankauskas','Petrauskas','Stankevičius','Vasiliauskas','Žukauskas','Butkus','Paulauskas','Urbonas','Kavaliauskas','Bērziņš','Kalniņš','Ozoliņš','Jansons','Liepiņš']
WESTERN = [('John','Smith'),('Michael','Johnson'),('David','Williams'),('James','Brown'),('Robert','Jones'),('William','Miller'),('Richard','Davis'),('Thomas','Wilson'),('Charles','Anderson'),('Christopher','Taylor'),('Daniel','Thomas'),('Matthew','Moore'),('Mark','Jackson'),('Paul','Martin'),('Steven','Lee'),('Andrew','Thompson'),('Kenneth','White'),('Joshua','Harris'),('Kevin','Clark'),('Brian','Lewis'),('Mary','Robinson'),('Patricia','Walker'),('Jennifer','Young'),('Linda','Allen'),('Elizabeth','King'),('Barbara','Wright'),('Susan','Scott'),('Jessica','Green'),('Sarah','Baker'),('Karen','Adams'),('Hans','Müller'),('Klaus','Schmidt'),('Jürgen','Schneider'),('Stefan','Fischer'),('Wolfgang','Weber'),('Pierre','Dubois'),('Jean','Lefebvre'),('François','Moreau'),('Marie','Laurent'),('Giuseppe','Rossi'),('Marco','Bianchi'),('Luca','Ferrari'),('José','García'),('Antonio','Fernández'),('Carlos','López'),('Manuel','Martínez'),('Ahmed','Hassan'),('Mohammed','Ali'),('Wei','Zhang'),('Hiroshi','Tanaka'),('Lars','Nielsen'),('Erik','Johansson'),('Sven','Andersson'),('Piet','de Vries'),('Jan','Jansen'),('Liam','Murphy'),('Sean','Kelly'),('Emma','Dupont'),('Olivia','Bennett'),('Noah','Cooper')]
