using SourceCheck.Text;

namespace SourceCheck.Verification;

/// <summary>Countries as a reference signals them (a country's English or German name, its demonym, its capital or
/// one of its largest cities, in the headline or the outlet's name), each with the country-code web domains its
/// outlets publish under, most used first (".com.ar" before ".ar"). Used to guess an outlet's address beyond the
/// German- and English-speaking countries (issue 17) and to tell one outlet from another of the same name.</summary>
internal static class Countries
{
    /// <summary>One country: its ISO code (also its country-code domain), the domains its outlets use, most used first,
    /// and its English name as one word ("southafrica": outlets that add the country to their name).</summary>
    internal sealed record Country(string Code, IReadOnlyList<string> Domains, string Name);

    // code | domains (most used first) | words: English name first, then other names, demonyms (a trailing * matches
    // any ending: German adjectives), the capital and the largest cities; all folded as FoldWord folds text.
    private static readonly string[] Table =
    [
        "de|.de|germany,deutschland,german,deutsch*,berlin,hamburg,muenchen,munich,koeln,cologne,frankfurt",
        "at|.at|austria,oesterreich,austrian,oesterreichisch*,wien,vienna,graz,linz,salzburg,innsbruck",
        "ch|.ch|switzerland,schweiz,swiss,schweizer*,bern,zuerich,zurich,genf,geneva,basel,lausanne",
        "li|.li|liechtenstein,liechtensteiner*,vaduz",
        "lu|.lu|luxembourg,luxemburg,luxembourgish,luxemburger*,luxemburgisch*",
        "be|.be|belgium,belgien,belgian,belgisch*,bruessel,brussels,bruxelles,antwerpen,antwerp,gent,ghent,luettich,liege",
        "nl|.nl|netherlands,niederlande,holland,dutch,niederlaendisch*,hollaendisch*,amsterdam,rotterdam,den haag,the hague,utrecht",
        "fr|.fr|france,frankreich,french,franzoesisch*,paris,marseille,lyon,toulouse",
        "it|.it|italy,italien,italian,italienisch*,rom,rome,roma,mailand,milan,milano,neapel,naples,turin,torino,bozen,bolzano,suedtirol",
        "es|.es|spain,spanien,spanish,spanisch*,madrid,barcelona,valencia,sevilla,seville,malaga,bilbao,mallorca,mallorquin*,palma,ibiza,menorca,costa blanca,costa del sol,alicante,torrevieja,benidorm,kanaren,canary islands,teneriffa,tenerife,gran canaria",
        "pt|.pt|portugal,portuguese,portugiesisch*,lissabon,lisbon,lisboa,porto",
        "ie|.ie|ireland,irland,irish,irisch*,dublin,cork,galway,limerick",
        "gb|.co.uk,.uk|britain,great britain,united kingdom,grossbritannien,england,scotland,schottland,wales,british,britisch*,scottish,welsh,london,manchester,birmingham,glasgow,edinburgh,liverpool,leeds,belfast",
        "us|.com,.us|united states,usa,vereinigte staaten,america,amerika,american,amerikanisch*,new york,washington dc,los angeles,chicago,houston,san francisco",
        "ca|.ca|canada,kanada,canadian,kanadisch*,ottawa,toronto,montreal,vancouver,quebec,calgary",
        "au|.com.au,.au|australia,australien,australian,australisch*,canberra,sydney,melbourne,brisbane,perth,adelaide",
        "nz|.co.nz,.nz|new zealand,neuseeland,neuseelaendisch*,wellington,auckland,christchurch",
        "dk|.dk|denmark,daenemark,danish,daenisch*,kopenhagen,copenhagen,aarhus,odense,nordschleswig*,apenrade,aabenraa,sonderburg,hadersleben,tondern",
        "se|.se|sweden,schweden,swedish,schwedisch*,stockholm,goeteborg,gothenburg,malmoe,malmo,uppsala",
        "no|.no|norway,norwegen,norwegian,norwegisch*,oslo,bergen,trondheim,stavanger",
        "fi|.fi|finland,finnland,finnish,finnisch*,helsinki,tampere,turku,espoo",
        "is|.is|iceland,icelandic,islaendisch*,reykjavik",
        "ee|.ee|estonia,estland,estonian,estnisch*,tallinn,tartu",
        "lv|.lv|latvia,lettland,latvian,lettisch*,riga",
        "lt|.lt|lithuania,litauen,lithuanian,litauisch*,vilnius,kaunas",
        "pl|.pl|poland,polen,polish,polnisch*,warschau,warsaw,krakau,krakow,danzig,gdansk,breslau,wroclaw",
        "cz|.cz|czechia,czech republic,tschechien,czech,tschechisch*,prag,prague,brno",
        "sk|.sk|slovakia,slowakei,slovak,slowakisch*,bratislava",
        "hu|.hu|hungary,ungarn,hungarian,ungarisch*,budapest",
        "si|.si|slovenia,slowenien,slovenian,slowenisch*,ljubljana",
        "hr|.hr|croatia,kroatien,croatian,kroatisch*,zagreb",
        "rs|.rs|serbia,serbien,serbian,serbisch*,belgrad,belgrade",
        "ba|.ba|bosnia,bosnien,bosnian,bosnisch*,sarajevo",
        "ro|.ro|romania,rumaenien,romanian,rumaenisch*,bukarest,bucharest",
        "bg|.bg|bulgaria,bulgarien,bulgarian,bulgarisch*",
        "gr|.gr|greece,griechenland,greek,griechisch*,athen,athens,thessaloniki",
        "cy|.com.cy,.cy|cyprus,zypern,cypriot,zyprisch*,nikosia,nicosia,limassol",
        "mt|.com.mt,.mt|malta,maltese,maltesisch*,valletta",
        "tr|.com.tr,.tr|tuerkei,turkish,tuerkisch*,ankara,istanbul,izmir",
        "ua|.ua,.com.ua|ukraine,ukrainian,ukrainisch*,kiew,kyiv,kiev,charkiw,kharkiv,odesa,odessa,lviv,lwiw",
        "ru|.ru|russia,russland,russian,russisch*,moskau,moscow,sankt petersburg,st petersburg",
        "by|.by|belarus,weissrussland,belarusian,belarussisch*,minsk",
        "md|.md|moldova,moldau,moldovan,moldauisch*,chisinau",
        "al|.al|albania,albanien,albanian,albanisch*,tirana",
        "mk|.mk|north macedonia,nordmazedonien,macedonian,mazedonisch*,skopje",
        "me|.me|montenegro,montenegrin,montenegrinisch*,podgorica",
        "mx|.com.mx,.mx|mexico,mexiko,mexican,mexikanisch*,mexico city,guadalajara,monterrey",
        "ar|.com.ar,.ar|argentina,argentinien,argentine,argentinian,argentinisch*,buenos aires,cordoba,rosario",
        "br|.com.br,.br|brazil,brasilien,brazilian,brasilianisch*,brasilia,sao paulo,rio de janeiro",
        "cl|.cl|chile,chilean,chilenisch*,santiago de chile,valparaiso",
        "pe|.pe,.com.pe|peru,peruvian,peruanisch*,lima",
        "co|.com.co,.co|colombia,kolumbien,colombian,kolumbianisch*,bogota,medellin",
        "ve|.com.ve,.ve|venezuela,venezuelan,venezolanisch*,caracas",
        "uy|.com.uy,.uy|uruguay,uruguayan,uruguayisch*,montevideo",
        "py|.com.py,.py|paraguay,paraguayan,paraguayisch*,asuncion",
        "bo|.com.bo,.bo|bolivia,bolivien,bolivian,bolivianisch*,la paz",
        "ec|.com.ec,.ec|ecuador,ecuadorian,ecuadorianisch*,quito,guayaquil",
        "cr|.co.cr,.cr|costa rica,costa rican,costaricanisch*",
        "pa|.com.pa,.pa|panama,panamanian,panamaisch*",
        "gt|.com.gt,.gt|guatemala,guatemalan,guatemaltekisch*",
        "cu|.cu|cuba,kuba,cuban,kubanisch*,havana,havanna",
        "do|.com.do,.do|dominican republic,dominikanische republik,santo domingo",
        "jm|.com.jm,.jm|jamaica,jamaika,jamaican,jamaikanisch*,kingston",
        "tt|.co.tt,.tt|trinidad,tobago,port of spain",
        "ae|.ae|united arab emirates,vereinigte arabische emirate,uae,emirati,emiratisch*,abu dhabi,dubai,sharjah,schardscha",
        "qa|.qa,.com.qa|qatar,katar,qatari,katarisch*,doha",
        "sa|.com.sa,.sa|saudi arabia,saudi-arabien,saudi,saudisch*,riad,riyadh,dschidda,jeddah,mekka,mecca",
        "kw|.com.kw,.kw|kuwait,kuwaiti,kuwaitisch*",
        "bh|.bh,.com.bh|bahrain,bahraini,bahrainisch*,manama",
        "om|.om,.com.om|oman,omani,omanisch*,maskat,muscat",
        "il|.co.il,.il|israel,israeli,israelisch*,jerusalem,tel aviv,haifa",
        "lb|.com.lb,.lb|lebanon,libanon,lebanese,libanesisch*,beirut",
        "jo|.jo,.com.jo|jordanien,jordanian,jordanisch*,amman",
        "sy|.sy|syria,syrien,syrian,syrisch*,damaskus,damascus,aleppo",
        "iq|.iq|iraq,irak,iraqi,irakisch*,bagdad,baghdad,mossul,mosul,erbil",
        "ir|.ir|iran,iranian,iranisch*,teheran,tehran",
        "eg|.com.eg,.eg|egypt,aegypten,egyptian,aegyptisch*,kairo,cairo,alexandria",
        "ma|.ma|morocco,marokko,moroccan,marokkanisch*,rabat,casablanca,marrakesch,marrakech",
        "dz|.dz|algeria,algerien,algerian,algerisch*,algier,algiers",
        "tn|.tn|tunisia,tunesien,tunisian,tunesisch*,tunis",
        "ly|.ly|libya,libyen,libyan,libysch*,tripolis,tripoli,bengasi,benghazi",
        "ng|.com.ng,.ng|nigeria,nigerian,nigerianisch*,abuja,lagos,kano,ibadan",
        "gh|.com.gh,.gh|ghana,ghanaian,ghanaisch*,accra,kumasi",
        "sn|.sn|senegal,senegalese,senegalesisch*,dakar",
        "ci|.ci|ivory coast,elfenbeinkueste,ivorian,ivorisch*,abidjan",
        "cm|.cm|cameroon,kamerun,cameroonian,kamerunisch*,yaounde,douala",
        "ke|.co.ke,.ke|kenya,kenia,kenyan,kenianisch*,nairobi,mombasa,kisumu",
        "tz|.co.tz,.tz|tanzania,tansania,tanzanian,tansanisch*,dodoma,dar es salaam,sansibar,zanzibar",
        "ug|.co.ug,.ug|uganda,ugandan,ugandisch*,kampala",
        "rw|.rw,.co.rw|rwanda,ruanda,rwandan,ruandisch*,kigali",
        "et|.et,.com.et|ethiopia,aethiopien,ethiopian,aethiopisch*,addis abeba,addis ababa",
        "so|.so|somalia,somali,somalisch*,mogadischu,mogadishu",
        "sd|.sd|sudan,sudanese,sudanesisch*,khartum,khartoum",
        "za|.co.za,.za|south africa,suedafrika,south african,suedafrikanisch*,pretoria,johannesburg,cape town,kapstadt,durban,soweto,gauteng",
        "na|.com.na,.na|namibia,namibian,namibisch*,windhoek,walvis bay,swakopmund",
        "bw|.co.bw,.bw|botswana,gaborone",
        "zw|.co.zw,.zw|zimbabwe,simbabwe,zimbabwean,simbabwisch*,harare,bulawayo",
        "zm|.co.zm,.zm|zambia,sambia,zambian,sambisch*,lusaka",
        "mz|.co.mz,.mz|mozambique,mosambik,mozambican,mosambikanisch*,maputo",
        "mw|.mw|malawi,malawian,malawisch*,lilongwe,blantyre",
        "ao|.co.ao,.ao|angola,angolan,angolanisch*,luanda",
        "mg|.mg|madagascar,madagaskar,malagasy,madagassisch*,antananarivo",
        "mu|.mu|mauritius,mauritian,port louis",
        "cd|.cd|congo,kongo,congolese,kongolesisch*,kinshasa,goma",
        "ml|.ml|mali,malian,malisch*,bamako",
        "in|.in,.co.in|india,indien,indian,indisch*,new delhi,neu-delhi,delhi,mumbai,bombay,kolkata,chennai,bengaluru,bangalore,hyderabad,kerala,manipur",
        "pk|.com.pk,.pk|pakistan,pakistani,pakistanisch*,islamabad,karachi,lahore,peshawar",
        "bd|.com.bd,.bd|bangladesh,bangladeshi,bangladeschisch*,dhaka",
        "lk|.lk|sri lanka,sri lankan,srilankisch*,colombo",
        "np|.com.np,.np|nepal,nepali,nepalese,nepalesisch*,kathmandu",
        "af|.af|afghanistan,afghan,afghanisch*,kabul,kandahar",
        "cn|.cn,.com.cn|china,chinese,chinesisch*,peking,beijing,shanghai,guangzhou,shenzhen,wuhan",
        "hk|.hk,.com.hk|hong kong,hongkong",
        "tw|.com.tw,.tw|taiwan,taiwanese,taiwanisch*,taipei",
        "jp|.jp,.co.jp|japan,japanese,japanisch*,tokio,tokyo,osaka,kyoto",
        "kr|.co.kr,.kr|south korea,suedkorea,korea,korean,koreanisch*,seoul,busan",
        "sg|.sg,.com.sg|singapore,singapur,singaporean,singapurisch*",
        "my|.my,.com.my|malaysia,malaysian,malaysisch*,kuala lumpur",
        "id|.co.id,.id|indonesia,indonesien,indonesian,indonesisch*,jakarta,bali",
        "th|.co.th,.th|thailand,thai,thailaendisch*,bangkok",
        "vn|.vn,.com.vn|vietnam,vietnamese,vietnamesisch*,hanoi,ho chi minh,saigon",
        "ph|.com.ph,.ph|philippines,philippinen,filipino,philippinisch*,manila",
        "kz|.kz|kazakhstan,kasachstan,kazakh,kasachisch*,astana,almaty",
        "uz|.uz|uzbekistan,usbekistan,uzbek,usbekisch*,taschkent,tashkent",
        "am|.am|armenia,armenien,armenian,armenisch*,eriwan,yerevan",
        "az|.az|azerbaijan,aserbaidschan,azerbaijani,aserbaidschanisch*,baku",
        "fj|.com.fj,.fj|fiji,fidschi,fijian,fidschianisch*,suva,nadi",
        "pg|.com.pg,.pg|papua new guinea,papua-neuguinea,port moresby",
        "ws|.ws|samoa,samoan,apia",
        "to|.to|tonga,tongan,nukualofa",
    ];

    private static readonly Lazy<List<(Country Country, string[][] Phrases, string[] Stems)>> Entries = new(Load);

    private static List<(Country, string[][], string[])> Load()
    {
        var list = new List<(Country, string[][], string[])>();
        foreach (string row in Table)
        {
            var cells = row.Split('|');
            var words = cells[2].Split(',', StringSplitOptions.RemoveEmptyEntries);
            var country = new Country(cells[0], cells[1].Split(','), words[0].Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal));
            list.Add((country,
                words.Where(w => !w.EndsWith('*')).Select(w => w.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)).ToArray(),
                words.Where(w => w.EndsWith('*')).Select(w => w[..^1]).ToArray()));
        }

        return list;
    }

    /// <summary>One word folded as the table is written: lower case, umlauts as "ae"/"oe"/"ue", other diacritics dropped.</summary>
    internal static string FoldWord(string word) => TextFolding.AsciiKey(TextFolding.GermanAsciiSpelling(word.ToLowerInvariant()));

    /// <summary>The words of a text, folded (<see cref="FoldWord"/>); an English possessive "'s" is no word.</summary>
    internal static List<string> Words(string text) =>
        text.Split([' ', '-', '.', ',', ':', ';', '(', ')', '/', '"', '“', '”', '„', '‘', '!', '?', '&', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Split('\'', '’')[0])
            .Select(FoldWord).Where(w => w.Length > 0).ToList();

    /// <summary>The countries a text signals, in the order they first appear; with each, the positions of the words that
    /// signal it.</summary>
    internal static List<(Country Country, List<int> At)> Signals(IReadOnlyList<string> words)
    {
        var found = new List<(Country, List<int>, int)>();
        foreach (var (country, phrases, stems) in Entries.Value)
        {
            var at = new List<int>();
            for (int i = 0; i < words.Count; i++)
            {
                foreach (var p in phrases)
                {
                    if (i + p.Length <= words.Count && p.Select((w, k) => words[i + k] == w).All(x => x))
                    {
                        at.AddRange(Enumerable.Range(i, p.Length));
                    }
                }

                if (stems.Any(s => words[i].StartsWith(s, StringComparison.Ordinal) && words[i].Length <= s.Length + 3))
                {
                    at.Add(i);
                }
            }

            if (at.Count > 0)
            {
                found.Add((country, at.Distinct().Order().ToList(), at.Min()));
            }
        }

        return found.OrderBy(f => f.Item3).Select(f => (f.Item1, f.Item2)).ToList();
    }

    /// <summary>The country whose outlets publish under <paramref name="domain"/> ("az.com.na" → Namibia); null for the
    /// domains of no country (.com, .net, .org, .africa …).</summary>
    internal static Country? OfDomain(string domain)
    {
        string d = domain.ToLowerInvariant();
        foreach (var (country, _, _) in Entries.Value)
        {
            if (country.Code != "us" && country.Domains.Any(t => d.EndsWith(t, StringComparison.Ordinal)))
            {
                return country;
            }
        }

        return null;
    }
}
