import MarketLink
print("mlink")
