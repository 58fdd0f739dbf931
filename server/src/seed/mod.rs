pub mod demo_data;
pub mod synthetic;
