#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    screener::fuzzing::run("screen_name", data);
});
