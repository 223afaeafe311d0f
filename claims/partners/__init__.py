"""Partner keys and webhooks: services below the partner API that use them."""
