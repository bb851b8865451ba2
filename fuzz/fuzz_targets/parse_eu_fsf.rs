#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    screener::fuzzing::run("parse_eu_fsf", data);
});
