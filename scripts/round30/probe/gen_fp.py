# The false-alarm queries: ordinary names of this file's own tables, and listed given names and
# patronymics with common surnames two letters from the listed one.
#   python3 gen_fp.py [SEED COUNT OUT]   (run_all.sh: 11 4000 fp_q.json, then 99 16000 fp2_q.json)
import json,random,re,sys
from osa import osa
SEED, COUNT, OUT = (int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]) if len(sys.argv) > 3 else (11, 4000, 'fp_q.json')
random.seed(SEED)
MG='Aleksandr Alexander Sergei Sergey Dmitry Dmitri Andrei Andrey Alexei Aleksei Vladimir Ivan Nikolai Mikhail Igor Oleg Yuri Viktor Pavel Maxim Maksim Anatoly Vitaly Evgeny Yevgeny Roman Denis Artem Konstantin Vadim Vasily Gennady Valery Boris Leonid Petr Pyotr Stanislav Ruslan Anton Ilya Kirill Grigory Vyacheslav Siarhei Aliaksandr Dzmitry Andrei Uladzimir Mikalai Ihar Yauhen Aliaksei Viktar Pavel'.split()
FG='Elena Olga Natalia Natalya Tatiana Irina Svetlana Anna Maria Yulia Ekaterina Marina Galina Lyudmila Valentina Nadezhda Oksana Alena Volha Tatsiana Nataliia Sviatlana Iryna Larisa Anastasia Viktoria Kristina Inna Zinaida'.split()
PR='Aleksandr Sergey Dmitri Andrey Aleksey Vladimir Ivan Nikolay Mikhail Igor Oleg Yuri Viktor Pavel Anatoly Vitaly Evgeny Vasily Gennady Valery Boris Leonid Petr Grigory Stanislav Konstantin Fedor Stepan Anton Roman'.split()
PM={'Aleksandr':'Aleksandrovich','Sergey':'Sergeevich','Dmitri':'Dmitrievich','Andrey':'Andreevich','Aleksey':'Alekseevich','Vladimir':'Vladimirovich','Ivan':'Ivanovich','Nikolay':'Nikolaevich','Mikhail':'Mikhailovich','Igor':'Igorevich','Oleg':'Olegovich','Yuri':'Yurievich','Viktor':'Viktorovich','Pavel':'Pavlovich','Anatoly':'Anatolievich','Vitaly':'Vitalievich','Evgeny':'Evgenievich','Vasily':'Vasilievich','Gennady':'Gennadievich','Valery':'Valerievich','Boris':'Borisovich','Leonid':'Leonidovich','Petr':'Petrovich','Grigory':'Grigorievich','Stanislav':'Stanislavovich','Konstantin':'Konstantinovich','Fedor':'Fedorovich','Stepan':'Stepanovich','Anton':'Antonovich','Roman':'Romanovich'}
PF={k:v[:-4]+'ovna' if v.endswith('ovich') else v[:-4]+'evna' for k,v in PM.items()}
PF['Nikolay']='Nikolaevna';PF['Sergey']='Sergeevna';PF['Andrey']='Andreevna';PF['Aleksey']='Alekseevna';PF['Dmitri']='Dmitrievna';PF['Igor']='Igorevna'
SUR='Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Nikitin Zakharov Zaitsev Soloviev Borisov Yakovlev Grigoriev Romanov Vorobiev Sergeev Kuzmin Frolov Alexandrov Dmitriev Korolev Gusev Kiselev Ilyin Maksimov Polyakov Sorokin Vinogradov Kovalev Belov Medvedev Antonov Tarasov Zhukov Baranov Filippov Komarov Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov Matveev Titov Markov Mironov Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov Kazakov Afanasiev Danilov Savelyev Timofeev Fomin Chernov Abramov Martynov Efimov Fedotov Shcherbakov Nazarov Kalinin Isaev Chernyshev Bykov Maslov Rodionov Konovalov Lazarev Voronin Klimov Filatov Ponomarev Golubev Kudryavtsev Prokhorov Naumov Potapov Zhuravlev Ovchinnikov Trofimov Leonov Sobolev Ermakov Kolesnikov Goncharov Emelyanov Nikiforov Grachev Kotov Grishin Efremov Arkhipov Gromov Kirillov Malyshev Panov Moiseev Rumyantsev Akimov Kondratiev Biryukov Gorbunov Anisimov Eremin Tikhomirov Galkin Lukyanov Mikheev Skvortsov Yudin Belousov Nesterov Simonov Prokofiev Kharitonov Knyazev Tsvetkov Levin Mitrofanov Voronov Aksenov Sofronov Maltsev Loginov Gorshkov Savin Krasnov Mayorov Demidov Eliseev Rybakov Safonov Plotnikov Demin Khokhlov Fadeev Molchanov Ignatov Litvinov Ershov Ushakov Dementiev Ryabov Mukhin Kalashnikov Leontiev Lobanov Kuzin Korneev Evdokimov Borodin Platonov Nekrasov Balashov Bobrov Zhdanov Blinov Ignatiev Korotkov Muravyov Kryukov Belyakov Bogomolov Drozdov Lavrov Zuev Petukhov Larin Nikulin Serov Terentiev Zotov Ustinov Fokin Samoilov Konstantinov Sakharov Shishkin Samsonov Cherkasov Chistyakov Nosov Spiridonov Karasev Avdeev Vorontsov Zverev Vladimirov Seleznev Nechaev Kudryashov Sedov Firsov Andrianov Panin Golovin Terekhov Ulyanov Shestakov Ageev Nikonov Selivanov Bazhenov Gordeev Kozhevnikov Pakhomov Zimin Kostin Shirokov Filimonov Larionov Ovsyannikov Sazonov Suvorov Nefedov Kornilov Lyubimov Lvov Gorbachev Kopylov Lukin Tokarev Kuleshov Shilov Bolshakov Pankratov Rodin Shapovalov Pokrovsky Bocharov Nikolsky Markin Gorelov Agafonov Berezin Ermolaev Zubkov Kupriyanov Trifonov Maslennikov Kruglov Tretyakov Kolosov Rozhkov Artamonov Shmelev Laptev Lapin Fedoseev Zinoviev Zorin Utkin Stolyarov Zubov Tkachev Dorofeev Antipov Zavyalov Sviridov Zolotarev Kulakov Meshcheryakov Makeev Dyakonov Guryev Ilyushin Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Kovalchuk Boyko Melnyk Shevchuk Polishchuk Lysenko Marchenko Rudenko Savchenko Petrenko Moroz Tkachuk Oliynyk Pavlenko Kharchenko Levchenko Karpenko Yurchenko Kravets Klymenko Ponomarenko Kozak Kovalenko Zhuk Novik Kovalevich Kozlovsky Yakimovich Zhukovsky Malinovsky Kravchuk Makarevich Sinkevich Lukashevich Karpovich Bogdanovich Novitsky Kazlou Ivanou Novikau Kavaliou Marozau Radkevich Savitsky Kovalchik Yurkevich Volkovich Kasperovich Tarasevich Stankevich Lis Borisevich Sidorovich Shkurko Kuzmich Navumenka Lukyanchik Zhavaranak Karalyov Dubrovsky Klimovich Filipovich Lobach Bykovsky Grigorovich Mikhnevich Rakovich Makarenko Shpak Tishchenko Lytvyn Savenko Romanenko'.split()
SUR=list(dict.fromkeys(SUR))
def fem(s):
    for a,b in [('ov','ova'),('ev','eva'),('yov','yova'),('in','ina'),('sky','skaya'),('ou','ava'),('au','ava')]:
        if s.endswith(a): return s[:-len(a)]+b
    return s
Q=[]
for i in range(COUNT):
    if random.random()<0.65:
        g=random.choice(MG); p=PM[random.choice(PR)]; s=random.choice(SUR)
    else:
        g=random.choice(FG); p=PF[random.choice(PR)]; s=fem(random.choice(SUR))
    Q.append(dict(q=f'{g} {p} {s}' if random.random()<0.8 else f'{s.upper()} {g} {p}',fam='fp_random'))
Q=list({q['q']:q for q in Q}.values())
# targeted: listed G+P + real common surname within 2 edits of listed surname
P=json.load(open('persons.json'))
listed=set()
for p in P:
    if len(p['given'])==2 and not re.search('[а-яА-Я]',p['surname']): listed.add((p['given'][0],p['given'][1],p['surname'].capitalize(),p['id']))
T=[]
for g,pp,s,pid in sorted(listed):  # sorted: the same file whatever the hash seed
    if len(s)<6: continue
    for c in SUR:
        for cc in [c,fem(c)]:
            if cc.lower()!=s.lower() and osa(cc,s)<=2:
                T.append(dict(q=f'{g} {pp} {cc}',fam='fp_neighbor',listed=f'{g} {pp} {s}',grp=pid))
T=list({q['q']:q for q in T}.values())
print(len(Q),len(T))
json.dump(Q+T,open(OUT,'w'),ensure_ascii=False)
