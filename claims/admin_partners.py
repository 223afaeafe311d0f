"""Claims admin: partner API keys, webhook subscriptions and deliveries."""
