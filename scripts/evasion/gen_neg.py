# Negative set: unlisted realistic person names from my own tables + "listed parts recombined".
import random, json
from listed import is_listed, skel
from gen_pos import people, parse

RU_M = "Anton Boris Danila Yegor Fyodor Kirill Lev Matvei Nikita Pavel Roman Stanislav Timofei Vsevolod Yaroslav Zakhar Arseniy Bogdan Ruslan Artur Eduard Filipp Grigory Ilya Makar Mark Platon Rostislav Semyon Timur Valentin Veniamin Yakov Gleb Daniil Arkady Emil Savva Yefim Lavr Prokhor Taras Vitold Gavriil Elisey".split()
RU_F = "Anastasia Daria Yekaterina Polina Ksenia Alina Vera Nadezhda Lyubov Tatiana Oksana Zoya Galina Larisa Marina Yulia Sofia Kristina Valeria Veronika Olesya Ulyana Taisia Milana Zlata Varvara Yevgenia Lilia Arina Margarita Kira Vasilisa Alla Raisa Nina Tamara".split()
RU_PM = "Antonovich Borisovich Kirillovich Lvovich Matveevich Pavlovich Romanovich Stanislavovich Timofeevich Yaroslavovich Zakharovich Bogdanovich Ruslanovich Arturovich Eduardovich Filippovich Ilyich Makarovich Markovich Platonovich Semyonovich Timurovich Valentinovich Yakovlevich Glebovich Daniilovich Arkadievich Emilevich Fyodorovich Yegorovich".split()
RU_PF = [x[:-3] + "na" for x in RU_PM if x.endswith("vich")]
RU_S = "Orlov Sokolov Lebedev Kozlov Morozov Volkov Solovyov Vinogradov Bogdanov Fyodorov Belyaev Tarasov Belov Komarov Kiselyov Makarov Andreev Kovalyov Ilyin Gusev Titov Kuzmin Kudryavtsev Baranov Kulikov Stepanov Sorokin Romanov Zakharov Borisov Korolev Gerasimov Ponomaryov Lazarev Yershov Nikitin Sobolev Ryabov Polyakov Tsvetkov Danilov Zhukov Frolov Zhuravlyov Krylov Maksimov Sidorov Osipov Belousov Fedotov Dorofeev Yegorov Matveev Bobrov Kalinin Anisimov Petukhov Antonov Timofeev Veselov Filippov Markov Bolshakov Sukhanov Mironov Shiryaev Konovalov Shestakov Yefimov Denisov Gromov Fomin Melnikov Shcherbakov Blinov Kolesnikov Afanasyev Vlasov Maslov Isakov Tikhonov Aksyonov Gavrilov Rodionov Kotov Gorbunov Kudryashov Bykov Zuyev Tretyakov Savelyev Panov Suvorov Abramov Voronov Mukhin Arkhipov Trofimov Martynov Yemelyanov Gorshkov Chernov Ovchinnikov Seleznyov Panfilov Kopylov Mikheev Galkin Lobanov Lukin Belyakov Potapov Nekrasov Khokhlov Zhdanov Shilov Vorontsov Yermakov Drozdov Ignatyev Savin Loginov Safonov Kapustin Kirillov Moiseev Yeliseev Koshelev Kostin Orekhov Yefremov Isayev Yevdokimov Kabanov Noskov Yudin Kulagin Lapin Prokhorov Nesterov Kharitonov Agafonov Muravyov Laptev Filatov Kryukov".split()
BY_S = "Kavalenka Bandarenka Shauchenka Tkachenka Kuzmich Hrytsevich Yakimovich Kazlouski Zhuk Karpovich Lysenka Babich Radkevich Savitski Yurkevich Marchuk Klimovich Hurynovich Pashkevich Bahdanovich Dubrouski Kruk Sakalouski Novik Vasilevich Zhukouski Karaliou Lahvinovich Rabtsevich Svirydzenka Makhnach Hlinski Kuprevich Bialiauski Tsitou Zaleski Chyzh Hanchar Sidarovich Barysevich Lapitski".split()
BY_M = "Ales Andrus Yanka Mikola Yurka Vasil Zmitser Uladzislau Yauhen Pavel Kastus Ryhor Maksim Raman Mikhas Ihnat Lavon Symon Tsimafei Antos".split()
BY_F = "Alesia Hanna Yanina Katsiaryna Nasta Alesya Marya Darya Palina Kryscina Ulyana Yauheniya Liudmila Viera Zinaida".split()
UA_S = "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Shevchuk Polishchuk Bondar Tkachuk Marchenko Rudenko Savchenko Petrenko Klymenko Kuzmenko Ponomarenko Kharchenko Melnyk Boyko Koval Kovalchuk Romanenko Levchenko Hrytsenko Ostapenko Demchenko Zinchenko Yatsenko Lytvyn Didenko Moskalenko Honcharenko Prykhodko Karpenko Semenko Shapoval Nazarchuk Vlasenko Hnatyuk".split()
UA_M = "Taras Mykhailo Ostap Vasyl Yevhen Bohdan Andriy Oleksiy Mykola Petro Yuriy Dmytro Vitaliy Oleh Serhiy Volodymyr Ihor Roman Maksym Artem Denys Ivan Stepan Hryhoriy Yaroslav".split()
UA_F = "Oksana Olena Iryna Nataliya Tetiana Yulia Halyna Kateryna Svitlana Liudmyla Mariya Solomiya Khrystyna Oleksandra Daryna Viktoriya Nadiya Zoriana".split()
PL_S = "Nowak Kowalski Wisniewski Wojcik Kowalczyk Kaminski Lewandowski Zielinski Szymanski Wozniak Dabrowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawlowski Michalski Krol Wieczorek Jablonski Wrobel Majewski Olszewski Stepien Malinowski Jaworski Adamczyk Dudek Nowicki Pawlak Gorski Witkowski Walczak Rutkowski Baran Zawadzki Chmielewski".split()
PL_M = "Piotr Krzysztof Andrzej Tomasz Pawel Michal Marcin Jakub Adam Lukasz Grzegorz Mateusz Wojciech Mariusz Dariusz Kamil Zbigniew Jerzy Tadeusz Rafal Bartosz Szymon Przemyslaw Janusz".split()
PL_F = "Anna Maria Katarzyna Malgorzata Agnieszka Barbara Ewa Magdalena Joanna Aleksandra Zofia Monika Beata Dorota Justyna Karolina Weronika Jadwiga Halina Elzbieta".split()
EN_S = "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Cook Rogers Reed Bailey Cooper Howard Ward Fletcher Hughes Palmer Spencer".split()
EN_M = "James John Robert Michael William David Richard Joseph Thomas Charles Oliver Harry George Jack Edward Henry Samuel Benjamin Daniel Matthew Andrew Christopher Peter Simon Paul".split()
EN_F = "Mary Patricia Jennifer Linda Elizabeth Susan Jessica Sarah Karen Emily Olivia Amelia Charlotte Sophie Grace Hannah Lucy Rebecca Rachel Laura Emma Chloe".split()
DE_S = "Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schafer Koch Bauer Richter Klein Wolf Schroder Neumann Schwarz Zimmermann Braun Kruger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Kohler Herrmann Konig Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Moller Weiss Jung Hahn Vogel".split()
DE_M = "Lukas Leon Felix Maximilian Jonas Paul Finn Elias Ben Jurgen Wolfgang Klaus Dieter Hans Uwe Stefan Frank Matthias Tobias Florian Sebastian Markus Thorsten Gerhard".split()
DE_F = "Sabine Ursula Monika Petra Claudia Anja Katrin Lena Hannah Mia Emma Lea Johanna Birgit Heike Silke Gabriele Renate Ingrid Andrea".split()
AR_S = "Haddad Khoury Nasser Mansour Saleh Hamdan Aziz Rahman Farouk Qasim Yassin Darwish Barakat Shalabi Haddadin El-Masri Bakri Jaber Suleiman Othman Awad Hijazi Zaher Khalil Abboud Tamimi Najjar Sabbagh Issa Haddou Benali Mahfouz Karam Sarraf Touma".split()
AR_M = "Mohammed Ahmed Ali Omar Khalid Youssef Ibrahim Hassan Hussein Abdullah Mustafa Tariq Karim Samir Walid Nabil Faisal Hamza Bilal Rashid Ziad Fadi Sami Majid Anwar".split()
AR_F = "Fatima Aisha Mariam Layla Noor Huda Salma Zainab Amina Rania Yasmin Dina Rasha Lina Hala Nadia Samira Leila Mona Reem".split()

def fem_ru(s):
    if s.endswith(("ov", "ev", "yov", "in", "yn")): return s + "a"
    if s.endswith("sky") or s.endswith("skiy"): return s[:s.rfind("sk")] + "skaya"
    return s
def fem_by(s):
    if s.endswith("ski"): return s[:-1] + "aya"
    if s.endswith("ou") or s.endswith("eu"): return s[:-1] + "va"
    return s
def fem_pl(s):
    return s[:-1] + "a" if s.endswith(("ski", "cki", "dzki")) else s

def gen_unlisted(rng):
    out = []; seen = set()
    def add(cult, given, surname, mid=None):
        if is_listed(given, surname): return False
        n = " ".join([given] + ([mid] if mid else []) + [surname])
        if n in seen: return False
        seen.add(n); out.append(dict(cult=cult, q=n, given=given, sur=surname)); return True
    plan = [("russian", 320), ("belarusian", 160), ("ukrainian", 160), ("polish", 140), ("english", 140), ("german", 140), ("arabic", 140)]
    for cult, n in plan:
        k = 0; tries = 0
        while k < n and tries < 20 * n:
            tries += 1; female = rng.random() < .4
            if cult == "russian":
                g = rng.choice(RU_F if female else RU_M); s = rng.choice(RU_S); s = fem_ru(s) if female else s
                m = rng.choice(RU_PF if female else RU_PM) if rng.random() < .6 else None
            elif cult == "belarusian":
                g = rng.choice(BY_F if female else BY_M); s = rng.choice(BY_S); s = fem_by(s) if female else s
                m = rng.choice(RU_PF if female else RU_PM) if rng.random() < .4 else None
            elif cult == "ukrainian":
                g = rng.choice(UA_F if female else UA_M); s = rng.choice(UA_S); m = None
                if rng.random() < .4:
                    m = rng.choice(["Ivanovych", "Petrovych", "Mykolaiovych", "Stepanovych", "Tarasovych"]) if not female else rng.choice(["Ivanivna", "Petrivna", "Stepanivna", "Tarasivna"])
            elif cult == "polish":
                g = rng.choice(PL_F if female else PL_M); s = rng.choice(PL_S); s = fem_pl(s) if female else s
                m = rng.choice(PL_F if female else PL_M) if rng.random() < .2 else None
            elif cult == "english":
                g = rng.choice(EN_F if female else EN_M); s = rng.choice(EN_S); m = rng.choice(EN_M + EN_F)[0] + "." if rng.random() < .2 else None
            elif cult == "german":
                g = rng.choice(DE_F if female else DE_M); s = rng.choice(DE_S); m = rng.choice(DE_F if female else DE_M) if rng.random() < .2 else None
            else:
                g = rng.choice(AR_F if female else AR_M); s = rng.choice(AR_S); m = rng.choice(AR_M) if rng.random() < .4 else None
            if m and (is_listed(m, s)): continue
            k += add(cult, g, s, m)
    return out

FEM_END = ("a", "ia", "ya")
def is_f(p):  # female listed person: patronymic -vna/-auna or given ends in a
    pt = (p["patr"] or "").lower()
    return pt.endswith(("na", "wna")) if pt else p["given"][0].lower().endswith("a")

def gen_recombined(rng):
    P = [(e, l, a, parse(l)) for e, l, a in people]
    def names_of(e, l, a):
        gs = set()
        for n in [l] + [x for _, x in a]:
            if "," in n: gs |= {skel(w) for w in n.split(",", 1)[1].split()}
        return gs
    out = []; seen = set()
    for e, l, a, p in P:
        others = [x for x in P if x[0] != e and is_f(x[3]) == is_f(p)]
        rng.shuffle(others)
        k = 0
        for e2, l2, a2, p2 in others:
            if k >= 3: break
            g = p2["given"][0]
            # skip if this surname is listed anywhere with this given name (e.g. LUKASHENKA family, ALEKSIN family)
            if is_listed(g, p["sur"]) or skel(g) in names_of(e, l, a): continue
            for withpatr in (False, True):
                mid = p2["patr"] if withpatr and p2["patr"] else None
                q = " ".join([g] + ([mid] if mid else []) + [p["sur"]])
                if q in seen: continue
                seen.add(q)
                out.append(dict(cult="recombined" + ("_with_patronymic" if mid else ""), q=q, given=g, sur=p["sur"], from_sur=l, from_given=l2))
            k += 1
    return out

if __name__ == "__main__":
    rng = random.Random(20260301)
    neg = gen_unlisted(rng) + gen_recombined(random.Random(777))
    json.dump(neg, open("negatives.json", "w"), ensure_ascii=False, indent=0)
    from collections import Counter
    print(len(neg), Counter(x["cult"] for x in neg))
    for x in random.Random(3).sample(neg, 20): print(x["cult"], x["q"])
