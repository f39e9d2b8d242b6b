//! One component per file.

pub mod claim_card;
pub mod claim_list;

pub use claim_card::ClaimCard;
pub use claim_list::ClaimList;
