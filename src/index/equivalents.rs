//! Equivalent given names across languages: the same person is `Aliaksandr` in Belarusian,
//! `Aleksandr` in Russian, `Alexander` in English and German, `Alexandre` in French.
//!
//! Classes come from two places. First, the lists themselves: when one entity is listed under two
//! spellings whose parts line up (OFAC `LUKASHENKA, Alyaksandr Ryhorovich` and its alias
//! `LUKASHENKO, Aleksandr Grigorevich`), the given names at the same position are the same name in
//! two languages, and that holds for everybody else called so. Second, a short table of common
//! pairs that no phonetic key can bridge (the lists may not pair every name), written by hand
//! because no maintained crate carries Belarusian–Russian–Western given-name equivalents.

use std::collections::HashMap;

use crate::index::name_form::is_patronymic;
use crate::model::{Entity, EntityType};
use crate::normalize::{fold, phonetic_key};

/// Each row: one given name in the languages and romanisations payments use.
const TABLE: &[&[&str]] = &[
    &[
        "aleksandr",
        "aliaksandr",
        "alyaksandr",
        "alexander",
        "alexandr",
        "aleksander",
        "alexandre",
        "oleksandr",
        "alexandru",
    ],
    &["aleksei", "alexei", "aliaksei", "alexey", "aleksey", "alexis", "oleksiy"],
    &["sergei", "siarhei", "sergey", "serge", "serhiy", "sergiy"],
    &["vladimir", "uladzimir", "wladimir", "volodymyr"],
    &["yuri", "yury", "iouri", "jurij", "juri", "yuriy", "yurii", "georgi"],
    &["nikolai", "mikalai", "nikolay", "nicolas", "mykola", "nikolaus"],
    &["yevgeni", "evgeni", "evgeny", "yevgeny", "yauhen", "evgenii", "eugene", "jewgeni", "ievgen"],
    &["grigori", "grigory", "ryhor", "hryhory", "gregory", "grigoriy", "hryhoriy"],
    &["konstantin", "kanstantsin", "constantin", "kostiantyn"],
    &["valentin", "valiantsin", "valentyn"],
    &["dmitri", "dmitry", "dzmitry", "dmitriy", "dmytro", "zmitser"],
    &["gennadi", "gennady", "hienadz", "genadz", "hennadiy"],
    &["anatoli", "anatoly", "anatol", "anatolii", "anatoliy"],
    &["pyotr", "piotr", "petr", "pierre", "peter", "petro"],
    &["pavel", "paval", "paul", "pavlo", "pawel"],
    &["mikhail", "mikhas", "michail", "michel", "michael", "mykhailo"],
    &["leonid", "leanid"],
    &["vasili", "vasily", "vasil", "vasyl", "wassili"],
    &["viktor", "viktar", "victor", "wiktor"],
    &["vitali", "vitaly", "vitalii", "vitaliy"],
    &["vyacheslav", "viachaslau", "viacheslav", "wjatscheslaw"],
    &["vladislav", "uladzislau", "vladyslav"],
    &["stanislav", "stanislau", "stanislaw"],
    &["yaroslav", "yaraslau", "jaroslaw"],
    &["artyom", "artem", "artsiom", "arciom", "artiom"],
    &["denis", "dzianis", "denys"],
    &["igor", "ihar", "ihor"],
    &["oleg", "aleh", "oleh"],
    &["roman", "raman"],
    &["stepan", "stsiapan", "stiapan", "stefan"],
    &["timofei", "tsimafei", "tymofiy"],
    &["fyodor", "fiodar", "fedor", "theodor"],
    &["kirill", "kiryl", "cyril"],
    &["ivan", "ivan", "iwan"],
    &["andrei", "andrey", "andrej", "andriy", "andre"],
    &["yelena", "elena", "alena", "alyona", "olena", "helene"],
    &["natalia", "natallia", "natalya", "nataliya"],
    &["olga", "volha", "olha"],
    &["tatiana", "tatsiana", "tatyana", "tetiana"],
    &["svetlana", "sviatlana", "svitlana"],
    &["irina", "iryna"],
    &["lyudmila", "liudmila", "ludmila", "lyudmyla"],
    &["galina", "halina", "halyna"],
    &["anna", "hanna", "ganna"],
    &["maria", "maryia", "mariya", "marie"],
    &["nadezhda", "nadzeya", "nadiya"],
    &["valentina", "valiantsina", "valentyna"],
    &["yekaterina", "ekaterina", "katsiaryna", "kateryna", "catherine"],
    &["yulia", "yuliya", "julia", "iuliia"],
];

/// At most this many keys in one class: a larger class means the lists paired unrelated names
/// (data errors), and merging stops there.
const MAX_CLASS: usize = 16;

struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb || self.size[ra] + self.size[rb] > MAX_CLASS {
            return;
        }
        let (big, small) = if self.size[ra] >= self.size[rb] { (ra, rb) } else { (rb, ra) };
        self.parent[small] = big;
        self.size[big] += self.size[small];
    }
}

/// Phonetic key → class id, for every key in a class of two or more.
pub fn classes<'a>(entities: impl Iterator<Item = &'a Entity>) -> HashMap<String, u32> {
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut uf = UnionFind { parent: Vec::new(), size: Vec::new() };
    let mut id = |k: String, uf: &mut UnionFind| -> usize {
        *ids.entry(k).or_insert_with(|| {
            uf.parent.push(uf.parent.len());
            uf.size.push(1);
            uf.parent.len() - 1
        })
    };
    for row in TABLE {
        let first = id(phonetic_key(row[0]), &mut uf);
        for name in &row[1..] {
            let other = id(phonetic_key(name), &mut uf);
            uf.union(first, other);
        }
    }
    for e in entities.filter(|e| e.entity_type == EntityType::Person) {
        let given: Vec<Vec<String>> = e
            .names
            .iter()
            .filter_map(|n| n.parts.as_ref())
            .map(|p| fold(&p.given).split_whitespace().map(str::to_string).collect())
            .collect();
        for (i, a) in given.iter().enumerate() {
            for b in &given[i + 1..] {
                if a.len() != b.len() {
                    continue;
                }
                for (x, y) in a.iter().zip(b) {
                    let (kx, ky) = (phonetic_key(x), phonetic_key(y));
                    if kx == ky || is_patronymic(x) || is_patronymic(y) || x.len() < 3 || y.len() < 3 {
                        continue;
                    }
                    // Unrelated names paired by a data error share little; real equivalents
                    // (Mikalai / Nikolai, Yauhen / Evgeny) share at least half their key.
                    if strsim::normalized_levenshtein(&kx, &ky) < 0.5 {
                        continue;
                    }
                    let (ix, iy) = (id(kx, &mut uf), id(ky, &mut uf));
                    uf.union(ix, iy);
                }
            }
        }
    }
    let keys: Vec<(String, usize)> = ids.into_iter().collect();
    let mut out = HashMap::new();
    for (k, i) in keys {
        let root = uf.find(i);
        if uf.size[root] >= 2 {
            out.insert(k, root as u32);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Name, NameQuality, SourceKind};

    #[test]
    fn lists_pair_names() {
        let mut e = Entity::new("x".into(), SourceKind::UsOfacSdn, EntityType::Person);
        e.names.push(Name::from_parts("KUBRAKOU", "Zakhar Uladzimiravich", NameQuality::Primary));
        e.names.push(Name::from_parts("KUBRAKOV", "Zakhar Vladimirovich", NameQuality::Strong));
        e.names.push(Name::from_parts("PETROV", "Ihnat", NameQuality::Strong));
        e.names.push(Name::from_parts("PETROV", "Ignat", NameQuality::Strong));
        let c = classes(std::iter::once(&e));
        assert_eq!(c.get(&phonetic_key("uladzimir")), c.get(&phonetic_key("vladimir")));
        assert_eq!(c.get(&phonetic_key("mikalai")), c.get(&phonetic_key("nikolai")));
        assert!(c.contains_key(&phonetic_key("mikalai")));
        assert_ne!(c.get(&phonetic_key("mikalai")), c.get(&phonetic_key("vladimir")));
    }
}
