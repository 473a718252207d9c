use clap::{Parser, Subcommand};
use kehu_api::config::{redact_url, Settings};
use kehu_api::{app, telemetry, Application};

#[derive(Parser)]
#[command(name = "kehu", version, about = "Kehu: customer management and complaint handling")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the API and the SPA (migrates first).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Create the demo factory (idempotent).
    SeedDemo,
    /// Print the OpenAPI document.
    Openapi,
    /// Fill a PostgreSQL database with a realistic factory for benchmarks.
    SeedScale {
        #[arg(long, default_value_t = 100_000)]
        customers: u32,
        #[arg(long, default_value_t = 1_000_000)]
        complaints: u32,
        #[arg(long, default_value_t = 42)]
        seed: u32,
    },
    /// Check the data invariants (history, numbering, closure, routing); exit 1 if any breaks.
    CheckInvariants,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init()?;
    match cli.command {
        Command::Openapi => {
            println!("{}", serde_json::to_string_pretty(&kehu_api::openapi_document())?);
            Ok(())
        }
        Command::Migrate => {
            let settings = Settings::from_env()?;
            let mut conn = kehu_persistence::db::connect(&settings.database_url)?;
            let n = kehu_persistence::db::run_migrations(&mut conn)?;
            eprintln!("{n} migration(s) applied to {}", redact_url(&settings.database_url));
            Ok(())
        }
        Command::SeedDemo => {
            let settings = Settings::from_env()?;
            let pool = kehu_persistence::build_pool(&settings.database_url, 2)?;
            let mut conn = pool.get()?;
            let report = app::seed::seed_demo(&mut conn).map_err(|e| anyhow::anyhow!("seeding failed: {e}"))?;
            eprintln!(
                "demo data ready: {} new user(s), {} new complaint(s). Users: sales, sales3, sales_manager, sales2, sales_manager2, coordinator, qa, production, engineering, deputy_gm, gm, admin, marketing, finance, supervisor, marketing_manager, service, warehouse, pmc, qa_manager, hr; password: {}",
                report.created_users,
                report.created_complaints,
                app::seed::DEMO_PASSWORD
            );
            Ok(())
        }
        Command::SeedScale { customers, complaints, seed } => {
            let settings = Settings::from_env()?;
            let pool = kehu_persistence::build_pool(&settings.database_url, 2)?;
            let mut conn = pool.get()?;
            let r = app::scale::generate(&mut conn, customers, complaints, seed).map_err(|e| anyhow::anyhow!("seed-scale failed: {e}"))?;
            println!(
                "seed-scale (seed {seed}): {} customers, {} complaints, {} history events in the database; took {:.1} s",
                r.customers, r.complaints, r.events, r.seconds
            );
            Ok(())
        }
        Command::CheckInvariants => {
            let settings = Settings::from_env()?;
            let mut conn = kehu_persistence::db::connect(&settings.database_url)?;
            let results = kehu_persistence::invariants::check(&mut conn)?;
            let broken = results.iter().filter(|(_, n)| *n > 0).count();
            for (name, n) in &results {
                println!("{} {name}{}", if *n == 0 { "ok  " } else { "FAIL" }, if *n == 0 { String::new() } else { format!(" ({n} rows)") });
            }
            if broken > 0 {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Serve => serve(),
    }
}

#[actix_web::main]
async fn serve() -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    tracing::info!(?settings, "starting");
    let application = Application::build(settings)?;
    tracing::info!(port = application.port, "listening");
    // actix handles SIGTERM/SIGINT: stops accepting, finishes in-flight requests.
    application.server.await?;
    Ok(())
}
