//! Arbitrary text never panics the extractor (no byte slicing inside
//! characters, no unchecked indexing on odd structure).

use std::path::Path;

use fengong::extract::{DocInput, extract_documents};
use proptest::prelude::*;

/// Text made of the pieces plans are made of, in any order.
fn plan_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、".to_owned()),
        Just("（二）".to_owned()),
        Just("(三)".to_owned()),
        Just("第十二章 ".to_owned()),
        Just("第一节".to_owned()),
        Just("1.".to_owned()),
        Just("2、".to_owned()),
        Just("专栏 5-1 ".to_owned()),
        Just("图 3-1 布局图".to_owned()),
        Just("(市发展和改革局牵头,市相关单位配合)".to_owned()),
        Just("[A、B分别牵头,各相关镇(街,下同)配合]".to_owned()),
        Just("(以下统称北部7镇)".to_owned()),
        Just("“三大中心”".to_owned()),
        Just("。".to_owned()),
        Just("，".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("## ".to_owned()),
        Just("**".to_owned()),
        Just("| a | b |\n|---|---|\n".to_owned()),
        Just("..... 12".to_owned()),
        "[\\p{Han}]{1,12}",
        "[a-zA-Z0-9 ]{1,6}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn extractor_never_panics(text in plan_like()) {
        let data = extract_documents(&[DocInput::from_text(Path::new("x.txt"), &text)]);
        // Every task sits in a goal of the output.
        for t in &data.tasks {
            prop_assert!(data.goals.iter().any(|g| g.id == t.goal));
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let _ = extract_documents(&[DocInput::from_text(Path::new("x.txt"), &text)]);
    }
}
