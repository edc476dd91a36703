#!/usr/bin/env python3
"""Writes the NSRDB PSM3 (UTC stamps), PVGIS TMY CSV and PVGIS TMY JSON fixtures from the Phoenix
TMY3 file, so tests can check that every reader places the same data at the same instants.
Run from this folder: python3 make_fixtures.py"""
import csv, json

SOURCE = "../../../Sources/HelioGrid/Resources/phoenix-az-722780.tmy3.csv"
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

with open(SOURCE) as f:
    meta = next(csv.reader([f.readline()]))
    rows = list(csv.DictReader(f))
lat, lon, elev = float(meta[4]), float(meta[5]), float(meta[6])

def utc_stamps():
    """(month, day, hour) in UTC of the start of each hour-ending local (UTC-7) record."""
    out = []
    for row in rows:
        month, day, _ = (int(x) for x in row["Date (MM/DD/YYYY)"].split("/"))
        hour = int(row["Time (HH:MM)"].split(":")[0]) - 1 + 7  # interval start, local -> UTC
        if hour >= 24:
            hour -= 24
            day += 1
            if day > DAYS[month - 1]:
                day, month = 1, month % 12 + 1
        out.append((month, day, hour))
    return out

stamps = utc_stamps()
order = sorted(range(len(rows)), key=lambda i: stamps[i])  # UTC files run from 1 Jan 00:00 UTC

with open("phoenix-psm3-utc.csv", "w") as f:
    f.write("Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation,Local Time Zone,Version\n")
    f.write(f"NSRDB,722780,-,-,-,{lat},{lon},0,{elev},-7,3.2.2\n")
    f.write("Year,Month,Day,Hour,Minute,DHI,DNI,GHI,Temperature,Pressure,Wind Speed,Surface Albedo\n")
    for i in order:
        r = rows[i]; m, d, h = stamps[i]
        f.write(f"2001,{m},{d},{h},30,{r['DHI (W/m^2)']},{r['DNI (W/m^2)']},{r['GHI (W/m^2)']},{r['Dry-bulb (C)']},"
                f"{r['Pressure (mbar)']},{r['Wspd (m/s)']},{r['Alb (unitless)']}\n")

with open("phoenix-pvgis-tmy.csv", "w") as f:
    f.write(f"Latitude (decimal degrees): {lat}\nLongitude (decimal degrees): {lon}\nElevation (m): {elev}\n")
    f.write("month,year\n" + "".join(f"{m},2005\n" for m in range(1, 13)))
    f.write("time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP\n")
    for i in order:
        r = rows[i]; m, d, h = stamps[i]
        f.write(f"2005{m:02d}{d:02d}:{h:02d}00,{r['Dry-bulb (C)']},{r['RHum (%)']},{r['GHI (W/m^2)']},{r['DNI (W/m^2)']},"
                f"{r['DHI (W/m^2)']},300,{r['Wspd (m/s)']},{r['Wdir (degrees)']},{float(r['Pressure (mbar)']) * 100:.0f}\n")
    f.write("\nT2m: 2-m air temperature (degree Celsius)\nPVGIS (c) European Union, 2001-2024\n")

records = []
for i in order:
    r = rows[i]; m, d, h = stamps[i]
    records.append({"time(UTC)": f"2005{m:02d}{d:02d}:{h:02d}00", "T2m": float(r["Dry-bulb (C)"]), "RH": float(r["RHum (%)"]),
                    "G(h)": float(r["GHI (W/m^2)"]), "Gb(n)": float(r["DNI (W/m^2)"]), "Gd(h)": float(r["DHI (W/m^2)"]),
                    "IR(h)": 300.0, "WS10m": float(r["Wspd (m/s)"]), "WD10m": float(r["Wdir (degrees)"]),
                    "SP": float(r["Pressure (mbar)"]) * 100})
with open("phoenix-pvgis-tmy.json", "w") as f:
    json.dump({"inputs": {"location": {"latitude": lat, "longitude": lon, "elevation": elev}},
               "outputs": {"tmy_hourly": records}}, f, separators=(",", ":"))
