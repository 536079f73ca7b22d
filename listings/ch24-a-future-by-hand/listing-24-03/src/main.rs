// Written by hand: the future this returns may borrow `text`, and the
// signature need not say so.
fn word_count(text: &str) -> impl Future<Output = usize> {
    async move { text.split_whitespace().count() }
}

// `use<>`: the future captures no lifetime, so it cannot borrow `text`.
// It keeps the length it read before it was built.
fn length_later(text: &str) -> impl Future<Output = usize> + use<> {
    let length = text.len();
    async move { length }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut text = String::from("one two three");
    println!("{} words", word_count(&text).await);

    let length = length_later(&text);
    text.push_str(" four"); // allowed: `length` holds no borrow of `text`
    println!("{} bytes then, {} now", length.await, text.len());
}
