use std::pin::Pin;

/// A builder: configure it with plain method calls, then `.await` it.
struct Order {
    dish: String,
    extras: Vec<String>,
}

impl Order {
    fn new(dish: &str) -> Self {
        Order {
            dish: dish.to_string(),
            extras: Vec::new(),
        }
    }

    fn extra(mut self, extra: &str) -> Self {
        self.extras.push(extra.to_string());
        self
    }
}

impl IntoFuture for Order {
    type Output = String;
    type IntoFuture = Pin<Box<dyn Future<Output = String>>>;

    // `.await` calls this, then awaits the future it returns.
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            println!("  kitchen: cooking {}", self.dish);
            tokio::task::yield_now().await; // the kitchen is busy for a moment
            format!("{} with {}", self.dish, self.extras.join(" and "))
        })
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let order = Order::new("noodles").extra("chilli").extra("egg");
    println!("order written; nothing is cooking yet");
    let meal = order.await;
    println!("served: {meal}");
}
