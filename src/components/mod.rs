//! One component per file.

pub mod claim_card;
pub mod claim_list;
pub mod claims_view;
pub mod date_field;
pub mod facet_group;
pub mod filter_bar;

pub use claim_card::ClaimCard;
pub use claim_list::ClaimList;
pub use claims_view::ClaimsView;
pub use date_field::DateField;
pub use facet_group::FacetGroup;
pub use filter_bar::FilterBar;
